import { CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Keys of analytics events and view batches already counted. Inserted in the transaction that
 * counts them: a retried job conflicts here and adds nothing. Pruned after a week.
 */
@Entity('analytics_processed_events')
@Index('analytics_processed_events_at_idx', ['processedAt'])
export class AnalyticsProcessedEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  eventKey!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  processedAt!: Date;
}
