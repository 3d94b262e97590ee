import { WorkerOptions } from 'bullmq';
import { Environment, validateEnvironment } from '@nexus/core';

/**
 * BullMQ worker options for @Processor, read when the processor classes are declared (a
 * decorator needs plain values, before Nest builds `Environment`). `.env` is loaded by then:
 * @nexus/core's ConfigModule.forRoot runs when the core module is imported, which comes first.
 * An invalid environment falls back to defaults here; main.ts then stops with the clear error.
 */
export function workerOptions(): Partial<WorkerOptions> {
  let env: Environment;
  try {
    env = validateEnvironment(process.env);
  } catch {
    env = new Environment();
  }
  return {
    concurrency: env.WORKER_CONCURRENCY,
    // A killed worker's jobs are picked up by another after the lock expires; the stalled
    // check runs as often, so recovery takes between one and two lock durations.
    lockDuration: env.WORKER_LOCK_DURATION_MS,
    stalledInterval: env.WORKER_LOCK_DURATION_MS,
  };
}
