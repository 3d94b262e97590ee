import type { ApolloServerPlugin } from '@apollo/server';
import { Metrics } from './metrics';

/** Apollo plugin: one histogram sample per operation. */
export function graphqlMetricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const stop = metrics.graphqlDuration.startTimer();
      return {
        async willSendResponse(ctx) {
          const hasErrors =
            ctx.response.body.kind === 'single' && !!ctx.response.body.singleResult.errors;
          stop({
            operation_type: ctx.operation?.operation ?? 'unknown',
            operation_name: ctx.operationName ?? 'anonymous',
            outcome: hasErrors ? 'error' : 'ok',
          });
        },
      };
    },
  };
}
