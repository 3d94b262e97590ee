import { Injectable } from '@nestjs/common';
import { ForbiddenError, OutboxRelay } from '@nexus/core';
import { NotificationsProducer } from '@nexus/notifications';
import type { Viewer } from '@nexus/users';
import { DataSource } from 'typeorm';
import { PollCache } from './poll-cache';
import { PollUpdatesPublisher } from './poll-events';
import { PollLifecycleProducer } from './poll-lifecycle.producer';
import { closePoll, deletePoll, voterIdChunks } from './poll-lifecycle.queries';
import { canManage } from './poll-rules';
import { PollView, toPollView } from './poll-view';
import { PollNotFoundError } from './polls.errors';
import { selectSnapshot } from './polls.queries';

const NOTIFY_CHUNK = 500;

/** Opening, closing (by hand or at expiry) and deleting, with their side effects. */
@Injectable()
export class PollLifecycleService {
  constructor(
    private readonly db: DataSource,
    private readonly cache: PollCache,
    private readonly updates: PollUpdatesPublisher,
    private readonly jobs: PollLifecycleProducer,
    private readonly notifications: NotificationsProducer,
    private readonly relay: OutboxRelay,
  ) {}

  /** Author or admin. Closing a closed poll changes nothing and returns it as it is. */
  async closeByUser(viewer: Viewer, pollId: string): Promise<PollView> {
    await this.assertCanManage(viewer, pollId);
    await this.close(pollId, false);
    const fresh = await selectSnapshot(this.db.manager, pollId);
    if (!fresh) throw new PollNotFoundError(pollId);
    return toPollView(fresh, viewer, null);
  }

  /** The expiry job. True when this call closed the poll; a duplicate or early job is a no-op. */
  async closeExpired(pollId: string): Promise<boolean> {
    return this.close(pollId, true);
  }

  /** The start job. Status follows from starts_at anyway; this refreshes caches and listeners. */
  async opened(pollId: string): Promise<boolean> {
    const poll = await selectSnapshot(this.db.manager, pollId);
    if (!poll) return false;
    await this.cache.invalidate(pollId);
    await this.updates.publishNow(pollId);
    return true;
  }

  /** Hard delete: options, ballots and voters go with the row (ON DELETE CASCADE). */
  async delete(viewer: Viewer, pollId: string): Promise<void> {
    await this.assertCanManage(viewer, pollId);
    if (!(await deletePoll(this.db.manager, pollId))) throw new PollNotFoundError(pollId);
    await this.cache.invalidate(pollId);
    await this.jobs.cancel(pollId);
  }

  private async assertCanManage(viewer: Viewer, pollId: string): Promise<void> {
    const poll = await selectSnapshot(this.db.manager, pollId);
    if (!poll) throw new PollNotFoundError(pollId);
    if (!canManage(poll, viewer))
      throw new ForbiddenError('Only the author or an admin may change this poll');
  }

  // The notifications are recorded (outbox) in the transaction that sets closed_at, and only
  // there: a crash after the commit cannot lose them, and a retry closes nothing so adds none.
  private async close(pollId: string, onlyIfExpired: boolean): Promise<boolean> {
    const jobs = await this.db.transaction(async (tx) => {
      const authorId = await closePoll(tx, pollId, onlyIfExpired);
      if (!authorId) return null;
      const entries = await this.notifications.notify(tx, [
        { type: 'POLL_CLOSED', recipientId: authorId, pollId },
      ]);
      for await (const voterIds of voterIdChunks(tx, pollId, NOTIFY_CHUNK)) {
        const voters = voterIds
          .filter((id) => id !== authorId)
          .map((recipientId) => ({ type: 'POLL_CLOSED' as const, recipientId, pollId }));
        entries.push(...(await this.notifications.notify(tx, voters)));
      }
      return entries;
    });
    if (!jobs) return false;
    await this.cache.invalidate(pollId);
    await this.updates.publishNow(pollId);
    await this.relay.deliver(jobs);
    return true;
  }
}
