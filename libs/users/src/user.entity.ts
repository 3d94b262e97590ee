import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

export type UserRole = 'user' | 'admin';

@Entity('users')
@Unique('users_username_key', ['username'])
@Unique('users_email_key', ['email'])
@Check(
  'users_counts_non_negative',
  'followers_count >= 0 AND following_count >= 0 AND posts_count >= 0',
)
export class UserEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** citext: unique case-insensitively, stored as typed. */
  @Column({ type: 'citext' })
  username!: string;

  @Column({ type: 'citext' })
  email!: string;

  @Column({ type: 'text' })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 60, nullable: true })
  displayName!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  bio!: string | null;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  avatarUrl!: string | null;

  @Column({ type: 'varchar', length: 10, default: 'user' })
  role!: UserRole;

  @Column({ type: 'integer', default: 0 })
  followersCount!: number;

  @Column({ type: 'integer', default: 0 })
  followingCount!: number;

  @Column({ type: 'integer', default: 0 })
  postsCount!: number;

  /**
   * Last feed read or timeline rebuild (refreshed at most hourly): feed fan-out pushes only to
   * followers active in the last 14 days; the others are rebuilt from PostgreSQL when they return.
   */
  @Column({ type: 'timestamptz', nullable: true })
  lastActiveAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
