import { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { Environment } from '@nexus/core';
import {
  ASTVisitor,
  DocumentNode,
  GraphQLError,
  GraphQLSchema,
  Kind,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { pageCostEstimator } from './query-cost';

export type LimitCode = 'QUERY_TOO_DEEP' | 'QUERY_TOO_COMPLEX';

/** The error every limit raises: 400 with our code (formatGraphqlError reads `limitCode`). */
export function limitError(code: LimitCode, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { limitCode: code, http: { status: 400 } },
  });
}

// Armor's rules throw by default, which escapes graphql's validate() as a 500; report instead.
function reportAs(code: LimitCode) {
  return {
    propagateOnRejection: false,
    exposeLimits: true,
    onReject: [
      (ctx: ValidationContext | null, err: GraphQLError) =>
        ctx?.reportError(limitError(code, err.message.replace(/^Syntax Error: /, ''))),
    ],
  };
}

/** Root fields of each operation (aliases count: `a: me b: me` is two trips). */
function maxRootFieldsRule(max: number): ValidationRule {
  return (ctx): ASTVisitor => ({
    OperationDefinition(node) {
      const count = countRootFields(ctx, node.selectionSet, new Set());
      if (count > max) {
        ctx.reportError(
          limitError('QUERY_TOO_COMPLEX', `Root field limit of ${max} exceeded, found ${count}.`),
        );
      }
    },
  });
}

function countRootFields(ctx: ValidationContext, set: SelectionSetNode, seen: Set<string>): number {
  let count = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) count += 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += countRootFields(ctx, selection.selectionSet, seen);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = ctx.getFragment(selection.name.value);
      if (fragment) count += countRootFields(ctx, fragment.selectionSet, seen);
    }
  }
  return count;
}

/** Static limits, run by Apollo's validation (cached with the parsed document). */
export function queryLimitRules(env: Environment): ValidationRule[] {
  return [
    maxDepthRule({
      n: env.GRAPHQL_MAX_DEPTH,
      ignoreIntrospection: true,
      ...reportAs('QUERY_TOO_DEEP'),
    }),
    maxAliasesRule({ n: env.GRAPHQL_MAX_ALIASES, ...reportAs('QUERY_TOO_COMPLEX') }),
    maxDirectivesRule({ n: env.GRAPHQL_MAX_DIRECTIVES, ...reportAs('QUERY_TOO_COMPLEX') }),
    maxRootFieldsRule(env.GRAPHQL_MAX_ROOT_FIELDS),
  ];
}

/** Costs already computed, per parsed document (Apollo reuses it for the same query text). */
const costCache = new WeakMap<DocumentNode, Map<string, number>>();
const COSTS_PER_DOCUMENT = 64;

/**
 * The cost limit's verdict for one operation and its variables: an error past the limit,
 * undefined within it or when the variables are unusable (execution reports those as a 400).
 * The cost is a pure function of the document, operation and variables, so it is computed once.
 */
export function costLimitError(
  env: Environment,
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | null | undefined,
): GraphQLError | undefined {
  const key = `${operationName ?? ''}\n${JSON.stringify(variables ?? {})}`;
  let costs = costCache.get(document);
  let cost = costs?.get(key);
  if (cost === undefined) {
    try {
      cost = getComplexity({
        schema,
        query: document,
        variables: variables ?? {},
        operationName: operationName ?? undefined,
        estimators: [pageCostEstimator],
      });
    } catch {
      return undefined;
    }
    if (!costs) costCache.set(document, (costs = new Map()));
    if (costs.size < COSTS_PER_DOCUMENT) costs.set(key, cost);
  }
  return cost > env.GRAPHQL_MAX_COST
    ? limitError(
        'QUERY_TOO_COMPLEX',
        `Query cost limit of ${env.GRAPHQL_MAX_COST} exceeded, found ${cost}.`,
      )
    : undefined;
}

/**
 * The cost limit needs the variables (`first: $n`), so it runs once the operation is resolved:
 * still before any resolver, hence before any SQL.
 */
export function queryCostPlugin(env: Environment): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const error = costLimitError(
            env,
            schema,
            document,
            request.variables,
            request.operationName,
          );
          if (error) throw error;
        },
      };
    },
  };
}
