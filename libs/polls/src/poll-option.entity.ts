import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { PollEntity } from './poll.entity';

@Entity('poll_options')
@Unique('poll_options_poll_position_key', ['pollId', 'position'])
@Check('poll_options_votes_non_negative', 'votes_count >= 0')
export class PollOptionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'bigint' })
  pollId!: string;

  @ManyToOne(() => PollEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'poll_id' })
  poll?: PollEntity;

  /** 0-based order as given at creation. */
  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'varchar', length: 200 })
  text!: string;

  @Column({ type: 'integer', default: 0 })
  votesCount!: number;
}
