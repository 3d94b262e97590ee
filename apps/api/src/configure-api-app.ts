import { HttpException, RequestMethod } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  amendGraphqlRoute,
  applyCors,
  applySecurityHeaders,
  bodyLimitBytes,
  corsPolicy,
  Environment,
  hooksOf,
  httpMetricsHook,
  jsonDepthHook,
  Metrics,
  requestAbortLogHook,
  requestIdOf,
  requestLogHook,
  ROOT_LOGGER,
  RootLogger,
  securityHeaders,
  stampGraphqlErrorRequestIds,
  tagRequest,
  toErrorBody,
  useJsonBodyParser,
} from '@nexus/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { protectQueueDashboard } from './admin/bull-board-auth';
import { mountGraphqlIde } from './graphql-ide/graphql-ide';
import { setupSwagger } from './swagger/openapi-document';
import { serializeResponsesByDocument } from './swagger/response-serializers';

/**
 * Errors Fastify answers before any hook runs (a path that is not valid percent-encoding, a route
 * parameter over 100 characters): rendered in the shared shape instead of Fastify's own.
 */
function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode ?? 400;
  const message =
    error.code === 'FST_ERR_BAD_URL'
      ? 'Malformed URL'
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? 'A path parameter is too long'
        : 'Bad request';
  const body = { ...toErrorBody(new HttpException(message, status)), requestId: request.id };
  void reply.header('x-request-id', request.id).code(status).send(body);
}

/**
 * The HTTP adapter for main.ts and the e2e tests. Routing matches what Express did: paths are
 * case-insensitive and a trailing slash is ignored; client IPs honour X-Forwarded-For from a
 * loopback proxy only (`trust proxy: loopback`); Node's own timeouts (Fastify would change
 * them) keep their values. While draining, a request that still arrives on an open keep-alive
 * connection is served (with `Connection: close`) rather than answered with Fastify's own 503
 * body, as on Express.
 */
export function createApiAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    trustProxy: 'loopback',
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true },
    genReqId: requestIdOf,
    frameworkErrors: frameworkError,
    keepAliveTimeout: 5_000,
    requestTimeout: 300_000,
    return503OnClosing: false,
    // No Nest middleware is mounted (request lines come from a hook), so no @fastify/middie.
    skipMiddie: true,
  });
}

/** Everything main.ts and the e2e tests both need, so tests run the real HTTP stack. */
export function configureApiApp(app: NestFastifyApplication): void {
  const env = app.get(Environment);
  app.useLogger(app.get(Logger));
  const adapter = app.getHttpAdapter() as FastifyAdapter;
  const fastify = adapter.getInstance();

  // CSP off outside production: Swagger UI's init script is inline-configured.
  const headers = securityHeaders({
    contentSecurityPolicy: env.NODE_ENV === 'production' ? undefined : false,
  });
  const cors = corsPolicy(env.CORS_ORIGINS, ['x-request-id', 'retry-after']);
  // Nest runs this hook before any other (its own, middleware, routes): one synchronous step
  // that tags the request, sets helmet's headers and answers CORS preflights.
  adapter.setOnRequestHook((request, reply, done) => {
    tagRequest(request, reply);
    applySecurityHeaders(reply, headers);
    if (cors && applyCors(cors, request, reply)) return;
    done();
  });
  adapter.setOnResponseHook(httpMetricsHook(app.get(Metrics)));
  const rootLogger = app.get<symbol, RootLogger>(ROOT_LOGGER);
  fastify.addHook('onResponse', requestLogHook(rootLogger));
  fastify.addHook('onRequestAbort', requestAbortLogHook(rootLogger));
  amendGraphqlRoute(fastify, (route) => {
    route.onSend = [...hooksOf(route.onSend), stampGraphqlErrorRequestIds];
  });

  useJsonBodyParser(fastify, bodyLimitBytes(env.BODY_LIMIT));
  fastify.addHook('preValidation', jsonDepthHook);
  protectQueueDashboard(app);
  mountGraphqlIde(app);
  app.setGlobalPrefix('api', {
    exclude: [
      ...['health/live', 'health/ready', 'health/worker', 'metrics'].map((path) => ({
        path,
        method: RequestMethod.GET,
      })),
      // Bull Board (QueueDashboardModule) lives at /admin/queues, its assets below it.
      { path: 'admin/queues', method: RequestMethod.ALL },
      { path: 'admin/queues/{*path}', method: RequestMethod.ALL },
    ],
  });
  serializeResponsesByDocument(fastify, setupSwagger(app));
}
