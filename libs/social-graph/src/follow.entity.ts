import { UserEntity } from '@nexus/users';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';

/**
 * One user following another. The primary key makes a second follow impossible; `seq` orders
 * the follower and following lists newest first and is their keyset cursor (and the fan-out's).
 */
@Entity('follows')
@Index('follows_followee_seq_idx', ['followeeId', 'seq'])
@Index('follows_follower_seq_idx', ['followerId', 'seq'])
@Check('follows_not_self', 'follower_id <> followee_id')
export class FollowEntity {
  @PrimaryColumn({ type: 'bigint' })
  followerId!: string;

  @PrimaryColumn({ type: 'bigint' })
  followeeId!: string;

  // 'identity' works at run time (the migration shows it) but is missing from Generated's type.
  @Column({ type: 'bigint', generatedIdentity: 'ALWAYS' })
  @Generated('identity' as 'increment')
  seq!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'follower_id' })
  follower?: UserEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'followee_id' })
  followee?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
