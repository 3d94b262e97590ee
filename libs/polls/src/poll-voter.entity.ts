import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@nexus/users';
import { PollEntity } from './poll.entity';

/**
 * One ballot per user and poll. Its primary key makes "already voted" atomic for single and
 * multiple choice alike: the insert, not a prior SELECT, decides a race.
 */
@Entity('poll_voters')
@Index('poll_voters_user_id_idx', ['userId'])
export class PollVoterEntity {
  @PrimaryColumn({ type: 'bigint' })
  pollId!: string;

  @PrimaryColumn({ type: 'bigint' })
  userId!: string;

  @ManyToOne(() => PollEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'poll_id' })
  poll?: PollEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
