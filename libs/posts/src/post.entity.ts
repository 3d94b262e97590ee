import { UserEntity } from '@nexus/users';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A post. Soft-deleted (deleted_at) so counters, comments and jobs never point at a hole. */
@Entity('posts')
@Index('posts_author_id_idx', ['authorId', 'id'])
// The feed's per-author scans read only ids of live posts: index-only, no heap visit per row.
@Index('posts_live_author_idx', ['authorId', 'id'], { where: 'deleted_at IS NULL' })
@Check('posts_counts_non_negative', 'like_count >= 0 AND comment_count >= 0 AND share_count >= 0')
@Check('posts_content_length', 'char_length(content) BETWEEN 1 AND 5000')
export class PostEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'bigint' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title!: string | null;

  @Column({ type: 'text' })
  content!: string;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  mediaUrl!: string | null;

  @Column({ type: 'integer', default: 0 })
  likeCount!: number;

  @Column({ type: 'integer', default: 0 })
  commentCount!: number;

  @Column({ type: 'integer', default: 0 })
  shareCount!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
