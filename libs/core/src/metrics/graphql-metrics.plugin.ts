import type { ApolloServerPlugin } from '@apollo/server';
import { Metrics } from './metrics';

// Operation names come from clients: only the first few distinct ones become label values, so a
// caller inventing names cannot grow the metrics without bound.
const MAX_OPERATION_NAMES = 200;

export function operationLabel(seen: Set<string>, name: string | undefined): string {
  if (!name) return 'anonymous';
  if (seen.has(name)) return name;
  if (seen.size >= MAX_OPERATION_NAMES || name.length > 100) return 'other';
  seen.add(name);
  return name;
}

/** Apollo plugin: one histogram sample per operation. */
export function graphqlMetricsPlugin(metrics: Metrics): ApolloServerPlugin {
  const seen = new Set<string>();
  return {
    async requestDidStart() {
      const stop = metrics.graphqlDuration.startTimer();
      return {
        async willSendResponse(ctx) {
          const hasErrors =
            ctx.response.body.kind === 'single' && !!ctx.response.body.singleResult.errors;
          stop({
            operation_type: ctx.operation?.operation ?? 'unknown',
            operation_name: operationLabel(seen, ctx.operationName ?? undefined),
            outcome: hasErrors ? 'error' : 'ok',
          });
        },
      };
    },
  };
}
