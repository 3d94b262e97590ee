import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { EventBus, REDIS } from '@nexus/core';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { PollSnapshot } from './poll-snapshot';
import { selectSnapshot } from './polls.queries';

/** EventBus topic of one poll's live tallies (pollUpdated subscription). */
export const pollUpdatedTopic = (pollId: string) => `poll-updated.${pollId}`;

// At most one publish per poll per window, across all instances (≤ 4 messages a second).
export const PUBLISH_WINDOW_MS = 250;
// The holder reads the tallies this long after its gate expired, so a ballot that found the
// gate still set has certainly committed before that read.
const READ_MARGIN_MS = 50;

/**
 * Publishes a poll's tallies after a committed change, coalescing bursts. A Redis gate
 * (`SET NX PX`) elects one instance per window; it publishes at the window's end (trailing),
 * reading the database then, so the last message always carries the final totals. Instances
 * that lose the gate do nothing: their ballot committed before the winner's read.
 */
@Injectable()
export class PollUpdatesPublisher implements OnModuleDestroy {
  private readonly logger = new Logger(PollUpdatesPublisher.name);
  /** Scheduled trailing publishes; one per gate this instance won. */
  private readonly pending = new Map<NodeJS.Timeout, string>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly events: EventBus,
    private readonly db: DataSource,
  ) {}

  async changed(pollId: string): Promise<void> {
    try {
      const gate = await this.redis.set(
        `polls:publish-gate:${pollId}`,
        '1',
        'PX',
        PUBLISH_WINDOW_MS,
        'NX',
      );
      // Every won gate schedules its own publish, even if an earlier one is still pending: the
      // gate may have expired and been won again before that earlier read, and ballots that
      // then find this new gate rely on its publish.
      if (gate !== 'OK') return;
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        void this.publishNow(pollId);
      }, PUBLISH_WINDOW_MS + READ_MARGIN_MS);
      this.pending.set(timer, pollId);
    } catch (err) {
      this.logger.warn(`Poll update gate failed: ${(err as Error).message}`);
    }
  }

  /** Uncoalesced: for rare events (open, close) whose message must not wait. */
  async publishNow(pollId: string): Promise<void> {
    try {
      const snapshot = await selectSnapshot(this.db.manager, pollId);
      if (snapshot) await this.events.publish<PollSnapshot>(pollUpdatedTopic(pollId), snapshot);
    } catch (err) {
      this.logger.warn(`Poll update publish failed: ${(err as Error).message}`);
    }
  }

  /** A graceful stop publishes what is pending (database and Redis close after this hook). */
  async onModuleDestroy(): Promise<void> {
    const pollIds = [...new Set(this.pending.values())];
    for (const timer of this.pending.keys()) clearTimeout(timer);
    this.pending.clear();
    await Promise.all(pollIds.map((id) => this.publishNow(id)));
  }
}
