import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Per post and UTC day: views (flushed from Redis counters) and interactions (from events). */
@Entity('post_stats_daily')
export class PostStatsDailyEntity {
  // No foreign key to posts: the posts domain depends on analytics, not the reverse.
  @PrimaryColumn({ type: 'bigint' })
  postId!: string;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  @Column({ type: 'bigint', default: 0 })
  views!: string;

  @Column({ type: 'integer', default: 0 })
  likes!: number;

  @Column({ type: 'integer', default: 0 })
  comments!: number;

  @Column({ type: 'integer', default: 0 })
  shares!: number;
}
