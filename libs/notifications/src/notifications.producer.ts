import { Injectable } from '@nestjs/common';
import { OutboxEntry, OutboxWriter } from '@nexus/core';
import { EntityManager } from 'typeorm';
import { NotifyJobData, notifyOutboxJobs } from './notification-jobs';

/**
 * Records notifications in the caller's transaction (outbox): they are sent exactly when the
 * write commits. Hand the returned entries to OutboxRelay.deliver after commit.
 */
@Injectable()
export class NotificationsProducer {
  constructor(private readonly outbox: OutboxWriter) {}

  notify(tx: EntityManager, jobs: NotifyJobData[]): Promise<OutboxEntry[]> {
    return this.outbox.add(tx, notifyOutboxJobs(jobs));
  }
}
