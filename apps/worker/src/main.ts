import { NestFactory } from '@nestjs/core';
import {
  checkDependencies,
  exitGracefullyOnSignals,
  exitWithFatal,
  loadEnvironmentOrExit,
} from '@nexus/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function bootstrap() {
  const env = loadEnvironmentOrExit();
  const unreachable = await checkDependencies(env);
  if (unreachable) exitWithFatal(unreachable);

  const app = await NestFactory.createApplicationContext(WorkerModule, {
    bufferLogs: true,
    abortOnError: false,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  exitGracefullyOnSignals(app, logger, env.SHUTDOWN_TIMEOUT_MS ?? 25_000);
  await app.init();
  logger.log(`Worker ready (pid ${process.pid})`, 'Bootstrap');
}

bootstrap().catch((err: Error) => exitWithFatal(`Worker failed to start: ${err.message}`));
