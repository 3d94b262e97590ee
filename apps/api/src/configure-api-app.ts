import { HttpException, HttpStatus, RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import {
  currentRequestId,
  Environment,
  httpMetricsMiddleware,
  jsonDepthMiddleware,
  Metrics,
  requestContextMiddleware,
  toErrorBody,
} from '@nexus/core';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { mountGraphqlIde } from './graphql-ide/graphql-ide';
import { setupSwagger } from './swagger/openapi-document';

/** Body-parser failures happen before Nest routing: render them in the shared error shape. */
function bodyParserErrors(
  err: Error & { type?: string; status?: number },
  _req: Request,
  res: Response,
  next: NextFunction,
) {
  if (
    !err.type?.startsWith('entity.') &&
    err.type !== 'charset.unsupported' &&
    err.type !== 'encoding.unsupported'
  ) {
    return next(err);
  }
  const status = err.status ?? HttpStatus.BAD_REQUEST;
  const message =
    err.type === 'entity.too.large'
      ? 'Request body is too large'
      : err.type === 'entity.parse.failed'
        ? 'Malformed JSON body'
        : 'Unreadable request body';
  res
    .status(status)
    .json({ ...toErrorBody(new HttpException(message, status)), requestId: currentRequestId() });
}

/** Everything main.ts and the e2e tests both need, so tests run the real HTTP stack. */
export function configureApiApp(app: NestExpressApplication): void {
  const env = app.get(Environment);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.use(requestContextMiddleware);
  app.use(httpMetricsMiddleware(app.get(Metrics)));
  // CSP off outside production: Swagger UI's init script is inline-configured.
  app.use(helmet({ contentSecurityPolicy: env.NODE_ENV === 'production' ? undefined : false }));
  if (env.CORS_ORIGINS.trim() !== 'none') {
    const origins = env.CORS_ORIGINS.split(',').map((o) => o.trim());
    app.enableCors({
      origin: origins.includes('*') ? true : origins,
      exposedHeaders: ['x-request-id', 'retry-after'],
    });
  }
  mountGraphqlIde(app);
  app.use(express.json({ limit: env.BODY_LIMIT }));
  app.use(bodyParserErrors);
  app.use(jsonDepthMiddleware);
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
  setupSwagger(app);
}
