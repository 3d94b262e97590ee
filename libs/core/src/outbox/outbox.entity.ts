import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A job recorded in the transaction of the write that caused it, relayed to BullMQ after commit
 * (or by the relay once Redis is back). The row is deleted once BullMQ has the job.
 */
@Entity('outbox')
@Unique('outbox_job_id_key', ['jobId'])
export class OutboxEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  queue!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  /** BullMQ job id: deterministic, so a relay retry cannot add the job twice. */
  @Column({ type: 'varchar', length: 255 })
  jobId!: string;

  @Column({ type: 'jsonb' })
  data!: object;

  /** BullMQ options of this job beyond the queue's defaults (retention, attempts). */
  @Column({ type: 'jsonb', nullable: true })
  opts!: object | null;

  /** Delayed jobs: when the job should run (the relay turns it into a BullMQ delay). */
  @Column({ type: 'timestamptz', nullable: true })
  runAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
