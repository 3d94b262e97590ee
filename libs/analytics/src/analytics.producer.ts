import { Injectable } from '@nestjs/common';
import { OutboxEntry, OutboxWriter } from '@nexus/core';
import { EntityManager } from 'typeorm';
import { AnalyticsEventData, analyticsOutboxJob } from './analytics-jobs';

/** Records analytics events in the caller's transaction (outbox); the request never waits. */
@Injectable()
export class AnalyticsProducer {
  constructor(private readonly outbox: OutboxWriter) {}

  record(tx: EntityManager, events: AnalyticsEventData[]): Promise<OutboxEntry[]> {
    return this.outbox.add(tx, events.map(analyticsOutboxJob));
  }
}
