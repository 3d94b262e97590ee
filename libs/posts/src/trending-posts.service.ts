import { Injectable } from '@nestjs/common';
import { TrendingService, TrendingWindow } from '@nexus/analytics';
import { DataSource } from 'typeorm';
import { selectPostsByIds } from './post-reads.queries';
import { PostRecord } from './post-record';

/** Trending posts, best first: ids from the trending sets (or SQL), hydrated in one statement. */
@Injectable()
export class TrendingPostsService {
  constructor(
    private readonly db: DataSource,
    private readonly trending: TrendingService,
  ) {}

  async list(window: TrendingWindow, first: number): Promise<PostRecord[]> {
    const ids = await this.trending.postIds(window, first);
    return ids.length ? selectPostsByIds(this.db.manager, ids) : [];
  }
}
