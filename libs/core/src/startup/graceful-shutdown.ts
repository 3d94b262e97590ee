import { INestApplicationContext, LoggerService } from '@nestjs/common';

/**
 * SIGTERM/SIGINT → app.close() (HTTP server stops accepting, BullMQ workers finish in-flight
 * jobs), then exit 0. A hard deadline guarantees the process never hangs on shutdown.
 */
export function exitGracefullyOnSignals(
  app: INestApplicationContext,
  logger: LoggerService,
  timeoutMs: number,
) {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received, draining`, 'Shutdown');
    setTimeout(() => {
      logger.error(`Shutdown took longer than ${timeoutMs} ms, exiting`, undefined, 'Shutdown');
      process.exit(1);
    }, timeoutMs).unref();
    app
      .close()
      .then(() => {
        logger.log('Shutdown complete', 'Shutdown');
        process.exit(0);
      })
      .catch((err: Error) => {
        logger.error(`Shutdown failed: ${err.message}`, undefined, 'Shutdown');
        process.exit(1);
      });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
