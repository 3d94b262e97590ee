import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { RootLogger, ROOT_LOGGER, RootLoggerModule } from './root-logger';

/**
 * Nest's logger (nestjs-pino's `Logger`) writing through the root pino logger. Its per-request
 * middleware (pino-http plus a second AsyncLocalStorage) is not mounted (`forRoutes: []`): the
 * API writes its request lines from a Fastify hook (request-log.hook.ts), and lines written
 * while serving a request get its id from the request context (root-logger.ts).
 */
@Module({
  imports: [
    RootLoggerModule,
    LoggerModule.forRootAsync({
      imports: [RootLoggerModule],
      inject: [ROOT_LOGGER],
      useFactory: (logger: RootLogger) => ({ pinoHttp: { logger }, forRoutes: [] }),
    }),
  ],
  exports: [RootLoggerModule],
})
export class LoggingModule {}
