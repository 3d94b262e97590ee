import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  checkDependencies,
  exitGracefullyOnSignals,
  exitWithFatal,
  loadEnvironmentOrExit,
} from '@nexus/core';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { configureApiApp, createApiAdapter } from './configure-api-app';

async function bootstrap() {
  const env = loadEnvironmentOrExit();
  const unreachable = await checkDependencies(env);
  if (unreachable) exitWithFatal(unreachable);

  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, createApiAdapter(), {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  });
  configureApiApp(app);
  const logger = app.get(Logger);
  exitGracefullyOnSignals(app, logger, env.SHUTDOWN_TIMEOUT_MS ?? 25_000);
  await app.listen(env.PORT, '0.0.0.0');
  logger.log(
    `API listening on :${env.PORT} (REST /api, GraphQL /graphql, docs /api/docs)`,
    'Bootstrap',
  );
}

bootstrap().catch((err: Error) => exitWithFatal(`API failed to start: ${err.message}`));
