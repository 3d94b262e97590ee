import { UserEntity } from '@nexus/users';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';

/**
 * One notification for one recipient. `dedupe_key` names the event (type, subject, actor):
 * the unique (recipient_id, dedupe_key) key makes a retried or duplicated job write nothing.
 */
@Entity('notifications')
@Unique('notifications_recipient_dedupe_key', ['recipientId', 'dedupeKey'])
@Index('notifications_recipient_idx', ['recipientId', 'id'])
@Index('notifications_unread_idx', ['recipientId', 'id'], { where: 'read_at IS NULL' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'bigint' })
  recipientId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id' })
  recipient?: UserEntity;

  @Column({ type: 'varchar', length: 32 })
  type!: string;

  @Column({ type: 'bigint', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actor_id' })
  actor?: UserEntity;

  // No foreign keys to posts/polls: those domains depend on this one, not the reverse.
  @Column({ type: 'bigint', nullable: true })
  postId!: string | null;

  @Column({ type: 'bigint', nullable: true })
  pollId!: string | null;

  @Column({ type: 'bigint', nullable: true })
  commentId!: string | null;

  @Column({ type: 'varchar', length: 200 })
  dedupeKey!: string;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
