import { UserEntity } from '@nexus/users';
import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PostEntity } from './post.entity';

/** One user's like of one post: the primary key makes a second like impossible. */
@Entity('likes')
@Index('likes_user_id_idx', ['userId'])
export class LikeEntity {
  @PrimaryColumn({ type: 'bigint' })
  postId!: string;

  @PrimaryColumn({ type: 'bigint' })
  userId!: string;

  @ManyToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: PostEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
