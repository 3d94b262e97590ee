import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PollOptionEntity } from './poll-option.entity';
import { PollVoterEntity } from './poll-voter.entity';

/** One chosen option of a ballot; belongs to its poll_voters row (cascade). */
@Entity('poll_votes')
@Unique('poll_votes_poll_user_option_key', ['pollId', 'userId', 'optionId'])
export class PollVoteEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'bigint' })
  pollId!: string;

  @Column({ type: 'bigint' })
  optionId!: string;

  @Column({ type: 'bigint' })
  userId!: string;

  @ManyToOne(() => PollOptionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'option_id' })
  option?: PollOptionEntity;

  @ManyToOne(() => PollVoterEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'poll_id', referencedColumnName: 'pollId' },
    { name: 'user_id', referencedColumnName: 'userId' },
  ])
  voter?: PollVoterEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
