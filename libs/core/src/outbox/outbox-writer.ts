import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxEntry, OutboxJob } from './outbox-job';
import { insertOutbox } from './outbox.queries';

/**
 * Records jobs in the caller's transaction: they exist exactly when the write commits. After
 * commit, hand the entries to `OutboxRelay.deliver`; anything it cannot deliver stays for the relay.
 */
@Injectable()
export class OutboxWriter {
  async add(tx: EntityManager, jobs: OutboxJob[]): Promise<OutboxEntry[]> {
    if (!tx.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.add needs the write transaction');
    }
    return jobs.length ? insertOutbox(tx, jobs) : [];
  }
}
