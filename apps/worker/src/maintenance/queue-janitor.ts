import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { allQueues } from '@nexus/core';

const DAY_MS = 24 * 3600 * 1000;

/** Age and count limits per state; failed jobs stay longer, for inspection in Bull Board. */
export const RETENTION = {
  completed: { ageMs: DAY_MS, keep: 1000 },
  failed: { ageMs: 7 * DAY_MS, keep: 10_000 },
} as const;
const BATCH = 1000;

/**
 * Removes old completed and failed jobs by age and by count. removeOnComplete/removeOnFail
 * already bound what new jobs leave behind; this also covers jobs added with other options.
 */
@Injectable()
export class QueueJanitor {
  constructor(private readonly moduleRef: ModuleRef) {}

  async clean(): Promise<Record<string, number>> {
    const removed: Record<string, number> = {};
    for (const queue of allQueues(this.moduleRef)) {
      let count = 0;
      for (const state of ['completed', 'failed'] as const) {
        const { ageMs, keep } = RETENTION[state];
        count += (await queue.clean(ageMs, BATCH, state)).length;
        const excess = (await queue.getJobCountByTypes(state)) - keep;
        // clean() with no grace removes the oldest first.
        if (excess > 0) count += (await queue.clean(0, Math.min(excess, BATCH), state)).length;
      }
      removed[queue.name] = count;
    }
    return removed;
  }
}
