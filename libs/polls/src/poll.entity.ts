import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '@nexus/users';

/** A poll. Its status is never stored: it follows from starts_at, expires_at and closed_at. */
@Entity('polls')
@Index('polls_created_at_idx', ['createdAt'])
@Index('polls_expires_at_idx', ['expiresAt'])
@Index('polls_author_id_idx', ['authorId'])
@Check('polls_counts_non_negative', 'votes_count >= 0 AND voters_count >= 0')
export class PollEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'bigint' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @Column({ type: 'varchar', length: 300 })
  question!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  description!: string | null;

  @Column({ type: 'boolean', default: false })
  allowsMultiple!: boolean;

  @Column({ type: 'boolean', default: false })
  hideTotals!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  startsAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** Ballot lines: one per chosen option (a multiple-choice ballot counts each option). */
  @Column({ type: 'integer', default: 0 })
  votesCount!: number;

  /** Ballots: one per user. */
  @Column({ type: 'integer', default: 0 })
  votersCount!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
