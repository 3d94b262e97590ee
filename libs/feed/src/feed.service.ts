import { Injectable, Logger } from '@nestjs/common';
import { ForbiddenError, Page, PageRequest, toPage } from '@nexus/core';
import type { QueryResultRow } from 'pg';
import { DataSource } from 'typeorm';
import type { AuthorDepth, PostDetails } from '@nexus/posts';
import { FeedPost } from './feed-post';
import { FeedSettings } from './feed-settings';
import { FeedProducer } from './feed.producer';
import {
  DETAILS_FEED,
  FeedShape,
  hydratePage,
  HydratedPost,
  LOADED_FEED,
  NO_CURSOR,
  pullPage,
  SUMMARY_FEED,
  touchActive,
} from './feed.queries';
import { TimelineStore } from './timeline-store';

/** Extra ids read per round, so a few deleted or unfollowed entries rarely cost a second round. */
const SLACK = 5;
/** Rounds over a timeline before the rest of a page is pulled from PostgreSQL. */
const MAX_ROUNDS = 3;

const byIdDesc = (a: { id: string }, b: { id: string }) =>
  BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0;
const maxId = (a: string, b: string) => (BigInt(a) > BigInt(b) ? a : b);

/**
 * The home feed: posts by the viewer and the people they follow, newest first, read from the
 * viewer's Redis timeline and hydrated by id in one statement, with followed celebrities merged
 * in. Cold timelines and pages past the cached window are answered by the pull query.
 *
 * Each round knows the id range it answers exactly: the timeline covers [its oldest id read,
 * cursor) and the celebrity merge covers [its (need)th newest id, cursor) when it filled up.
 * Rows inside both ranges are final; the next round starts below them.
 */
@Injectable()
export class FeedService {
  private readonly logger = new Logger(FeedService.name);

  constructor(
    private readonly db: DataSource,
    private readonly store: TimelineStore,
    private readonly settings: FeedSettings,
    private readonly producer: FeedProducer,
  ) {}

  /**
   * The feed as GraphQL's post records, with whole authors or only their summaries. `userId`,
   * when given, must be the viewer's own: nobody reads another user's feed.
   */
  forViewer(
    viewerId: string,
    page: PageRequest,
    userId: string | undefined,
    authors: AuthorDepth,
  ): Promise<Page<FeedPost>> {
    if (userId !== undefined && userId !== viewerId) {
      throw new ForbiddenError('You can only read your own feed');
    }
    return authors === 'summary'
      ? this.page(SUMMARY_FEED, viewerId, page)
      : this.page(LOADED_FEED, viewerId, page);
  }

  /** The same feed in the REST post shape, read with the authors' summaries only. */
  detailsForViewer(viewerId: string, page: PageRequest): Promise<Page<PostDetails>> {
    return this.page(DETAILS_FEED, viewerId, page);
  }

  private async page<T extends { id: string }, R extends QueryResultRow>(
    shape: FeedShape<T, R>,
    viewerId: string,
    page: PageRequest,
  ): Promise<Page<T>> {
    const need = page.first + 1;
    const fetch = need + SLACK;
    let cursor = page.after ?? NO_CURSOR;

    const first = await this.readTimeline(viewerId, cursor, fetch);
    if (!first) {
      if (first === null) await this.producer.rebuild(viewerId);
      return toPage(await pullPage(this.db.manager, shape, viewerId, cursor, need), page.first);
    }
    if (first.markActive) this.recordActivity(viewerId);

    const rows: T[] = [];
    let ids = first.ids;
    for (let round = 1; ; round++) {
      if (ids.length === 0) {
        rows.push(
          ...(await pullPage(this.db.manager, shape, viewerId, cursor, need - rows.length)),
        );
        break;
      }
      const lowest = ids[ids.length - 1];
      const hydrated = await this.hydrate(shape, viewerId, ids, cursor, need);
      const bound = this.exactBound(hydrated, lowest, need);
      const lowestExact = BigInt(bound);
      for (const { post } of hydrated) if (BigInt(post.id) >= lowestExact) rows.push(post);
      if (rows.length >= need) break;
      const timelineExhausted = ids.length < fetch && bound === lowest;
      if (timelineExhausted || round === MAX_ROUNDS) {
        rows.push(...(await pullPage(this.db.manager, shape, viewerId, bound, need - rows.length)));
        break;
      }
      cursor = bound;
      ids = await this.store.range(viewerId, cursor, fetch);
    }
    return toPage(rows.slice(0, need), page.first);
  }

  /**
   * The timeline's first ids; null when it is cold, undefined when Redis failed. Either way the
   * page comes from PostgreSQL: the feed degrades to the pull query instead of failing.
   */
  private async readTimeline(viewerId: string, before: string, count: number) {
    try {
      return await this.store.read(viewerId, before, count);
    } catch (err) {
      this.logger.warn(
        `Timeline read failed, serving the feed from PostgreSQL: ${(err as Error).message}`,
      );
      return undefined;
    }
  }

  private hydrate<T extends { id: string }, R extends QueryResultRow>(
    shape: FeedShape<T, R>,
    viewerId: string,
    ids: string[],
    before: string,
    need: number,
  ) {
    const threshold = this.settings.celebrityThreshold;
    return hydratePage(this.db.manager, shape, viewerId, ids, before, threshold, need);
  }

  /** The lowest id from which the hydrated rows are the whole feed (see the class comment). */
  private exactBound<T extends { id: string }>(
    rows: HydratedPost<T>[],
    timelineLowest: string,
    need: number,
  ): string {
    const celebrity = rows.filter((r) => r.fromCelebrity).map((r) => r.post);
    celebrity.sort(byIdDesc);
    return celebrity.length >= need
      ? maxId(timelineLowest, celebrity[need - 1].id)
      : timelineLowest;
  }

  /** Keeps fan-out reaching this user (it skips followers inactive for 14 days). */
  private recordActivity(userId: string): void {
    touchActive(this.db.manager, userId).catch(async (err: Error) => {
      this.logger.warn(`Could not record feed activity: ${err.message}`);
      await this.store.forgetActivity(userId).catch(() => undefined);
    });
  }
}
