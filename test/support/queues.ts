import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { JobType, Queue } from 'bullmq';

/** Waits until a queue has no job in the given states (a worker has caught up with it). */
export async function drainQueue(
  app: INestApplicationContext,
  name: string,
  states: JobType[] = ['waiting', 'active', 'prioritized'],
  timeoutMs = 30_000,
): Promise<void> {
  const queue = app.get<Queue>(getQueueToken(name));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await queue.getJobCounts(...states);
    if (Object.values(counts).every((n) => n === 0)) return;
    if (Date.now() > deadline) throw new Error(`${name} did not drain: ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
