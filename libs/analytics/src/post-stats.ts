import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { selectDailyStats } from './post-stats.queries';

export interface DailyStats {
  day: string;
  views: number;
  likes: number;
  comments: number;
  shares: number;
}

export interface PostStats {
  postId: string;
  /** Sums over `days`. */
  totals: Omit<DailyStats, 'day'>;
  /** Newest first; days without activity are absent. */
  days: DailyStats[];
}

export const STATS_DAYS = 30;

/** Reads post_stats_daily for many posts in one statement (REST page or GraphQL DataLoader). */
@Injectable()
export class PostStatsReader {
  constructor(private readonly db: DataSource) {}

  async forPosts(postIds: readonly string[]): Promise<PostStats[]> {
    const rows = await selectDailyStats(this.db.manager, [...postIds], STATS_DAYS);
    const byPost = new Map<string, PostStats>(
      postIds.map((postId) => [
        postId,
        { postId, totals: { views: 0, likes: 0, comments: 0, shares: 0 }, days: [] },
      ]),
    );
    for (const row of rows) {
      const stats = byPost.get(row.post_id)!;
      const day = {
        day: row.day,
        views: row.views,
        likes: row.likes,
        comments: row.comments,
        shares: row.shares,
      };
      stats.days.push(day);
      stats.totals.views += day.views;
      stats.totals.likes += day.likes;
      stats.totals.comments += day.comments;
      stats.totals.shares += day.shares;
    }
    return postIds.map((id) => byPost.get(id)!);
  }
}
