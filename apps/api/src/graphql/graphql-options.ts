import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloDriverConfig } from '@nestjs/apollo';
import {
  createGraphqlErrorFormatter,
  Environment,
  GraphqlContext,
  graphqlMetricsPlugin,
  Metrics,
  RequestLoaders,
  switchedOn,
} from '@nexus/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLSchema } from 'graphql';
import { randomUUID } from 'node:crypto';
import { compiledExecutorGateway } from './compiled-executor';
import { plainFieldsReadDirectly } from './plain-fields';
import { prefetchedFieldsFastPath } from './prefetched-fields';
import { queryCostPlugin, queryLimitRules } from './query-limits';
import { ShapeCheckedDocumentStore } from './shape-checked-document-store';
import { subscriptionLimits } from './subscription-limits';

interface WsContextInput {
  connectionParams?: Record<string, unknown>;
  extra?: { request?: { headers?: Record<string, string> } };
}

/** graphql-ws has no HTTP request: build one from connectionParams so guards read the token. */
function wsRequest(input: WsContextInput): FastifyRequest {
  const params = input.connectionParams ?? {};
  const authorization = params.authorization ?? params.Authorization;
  return {
    id: randomUUID(),
    headers: { authorization: typeof authorization === 'string' ? authorization : undefined },
    ip: undefined,
  } as unknown as FastifyRequest;
}

/** Code-first schema, subscriptions over graphql-ws, no IDE (it would load assets from a CDN). */
export function graphqlOptions(metrics: Metrics, env: Environment): ApolloDriverConfig {
  let executableSchema: GraphQLSchema | undefined;
  const schemaBuilt = () => {
    if (!executableSchema) throw new Error('GraphQL schema used before Nest built it');
    return executableSchema;
  };
  const parseOptions = { maxTokens: env.GRAPHQL_MAX_TOKENS };
  const validationRules = queryLimitRules(env);
  const formatError = createGraphqlErrorFormatter({
    fieldSuggestions: switchedOn(env, env.GRAPHQL_FIELD_SUGGESTIONS),
  });
  const documentStore = new ShapeCheckedDocumentStore(schemaBuilt, parseOptions, (validation) =>
    metrics.graphqlDocuments.inc({ validation }),
  );
  const config: ApolloDriverConfig = {
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    graphiql: false,
    introspection: switchedOn(env, env.GRAPHQL_INTROSPECTION),
    includeStacktraceInErrorResponses: false,
    // Limits (DESIGN §4): tokens at parse, depth/aliases/directives/root fields at validation,
    // cost once variables are known; all before any resolver runs.
    parseOptions,
    validationRules,
    // Parsed, validated documents; a new one whose shape passed is checked by its literals only.
    documentStore,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Apollo installs cache control by default; its willResolveField hook wraps every field
      // (scalars included) in instrumentation. We set no cache hints, so it only cost CPU.
      ApolloServerPluginCacheControlDisabled(),
      documentStore.plugin(),
      queryCostPlugin(env),
      graphqlMetricsPlugin(metrics),
    ],
    formatError,
    transformSchema: (schema: GraphQLSchema) =>
      (executableSchema = prefetchedFieldsFastPath(plainFieldsReadDirectly(schema))),
    // Field resolvers' errors (e.g. an invalid `comments(first:)`) take AllExceptionsFilter like
    // root fields' do; without it Nest leaves them to Apollo, which answered 500.
    fieldResolverEnhancers: ['filters'],
    // The same limits and error shape for operations over the socket (they bypass Apollo).
    subscriptions: {
      'graphql-ws': subscriptionLimits({
        env,
        schema: schemaBuilt,
        parseOptions,
        validationRules,
        formatError,
      }),
    },
    // Over HTTP, @as-integrations/fastify passes (request, reply); graphql-ws passes its context.
    context: (input: FastifyRequest | WsContextInput, reply?: FastifyReply): GraphqlContext =>
      'raw' in input
        ? { req: input, res: reply, loaders: new RequestLoaders() }
        : { req: wsRequest(input), loaders: new RequestLoaders() },
  };
  // Operations run compiled by graphql-jit (compiled-executor.ts); Apollo still parses, validates,
  // prices and formats. Nest's type omits `gateway` but spreads every option into ApolloServer.
  return {
    ...config,
    gateway: compiledExecutorGateway(schemaBuilt, env.GRAPHQL_COMPILE_AFTER_USES),
  } as ApolloDriverConfig;
}
