import { Environment } from '@nexus/core';
import {
  DocumentNode,
  ExecutionArgs,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  parse,
  ParseOptions,
  specifiedRules,
  validate,
  ValidationRule,
} from 'graphql';
import type { ServerOptions, SubscribePayload } from 'graphql-ws';
import { costLimitError } from './query-limits';

type WsHooks = Pick<ServerOptions, 'onSubscribe' | 'onError'>;

/** Apollo's codes for its own parse and validation errors, which the error formatter maps. */
const coded = (error: GraphQLError, code: string) =>
  new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });

/**
 * graphql-ws hooks: operations over the socket never pass through Apollo, so they get the same
 * checks here before any resolver runs — the token limit at parse, graphql-js's rules with our
 * depth/alias/directive/root-field rules, then the cost with the variables — and every error
 * they send leaves in the shared shape (`formatError`, as Apollo's are), instead of graphql-ws's
 * default of a bare message (and a closed socket on a syntax error).
 */
export function subscriptionLimits(door: {
  env: Environment;
  schema: () => GraphQLSchema;
  /** Apollo's own: the token limit. */
  parseOptions: ParseOptions;
  /** Apollo's own, run beside graphql-js's rules: depth, aliases, directives, root fields. */
  validationRules: readonly ValidationRule[];
  formatError: (error: GraphQLFormattedError) => GraphQLFormattedError;
}): WsHooks {
  const { env, schema, parseOptions, formatError } = door;
  const rules = [...specifiedRules, ...door.validationRules];
  return {
    onSubscribe(_ctx, _id, payload: SubscribePayload): ExecutionArgs | readonly GraphQLError[] {
      let document: DocumentNode;
      try {
        document = parse(payload.query, parseOptions);
      } catch (err) {
        if (err instanceof GraphQLError) return [coded(err, 'GRAPHQL_PARSE_FAILED')];
        throw err;
      }
      const invalid = validate(schema(), document, rules);
      if (invalid.length > 0) {
        return invalid.map((e) =>
          typeof e.extensions.limitCode === 'string' ? e : coded(e, 'GRAPHQL_VALIDATION_FAILED'),
        );
      }
      const tooCostly = costLimitError(
        env,
        schema(),
        document,
        payload.variables ?? undefined,
        payload.operationName,
      );
      if (tooCostly) return [tooCostly];
      return {
        schema: schema(),
        document,
        operationName: payload.operationName,
        variableValues: payload.variables,
      };
    },
    onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON())),
  };
}
