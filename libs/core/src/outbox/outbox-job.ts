import { JobsOptions } from 'bullmq';
import { QueueName } from '../queue/queue-names';

/** A job to hand to BullMQ once the surrounding transaction commits. */
export interface OutboxJob {
  queue: QueueName;
  name: string;
  /** Deterministic: the same fact always yields the same id. */
  jobId: string;
  data: object;
  runAt?: Date | null;
  /** Per-job options that survive the outbox (JSON): retention and retries. */
  opts?: Pick<JobsOptions, 'removeOnComplete' | 'removeOnFail' | 'attempts' | 'backoff'>;
}

/** An OutboxJob with the id of its outbox row. */
export interface OutboxEntry extends OutboxJob {
  id: string;
}
