import { runNamed } from '@nexus/core';
import { EntityManager } from 'typeorm';

// The event key is claimed in the same transaction as the count: a retry conflicts, adds nothing.
const CLAIM_EVENT = `
  INSERT INTO analytics_processed_events (event_key) VALUES ($1)
  ON CONFLICT DO NOTHING RETURNING 1`;

const BUMP_INTERACTIONS = `
  INSERT INTO post_stats_daily (post_id, day, likes, comments, shares)
  VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (post_id, day) DO UPDATE SET
    likes = post_stats_daily.likes + EXCLUDED.likes,
    comments = post_stats_daily.comments + EXCLUDED.comments,
    shares = post_stats_daily.shares + EXCLUDED.shares`;

// One statement per flushed batch, whatever its size. Posts deleted since are still counted:
// their stats are kept like their rows (soft delete).
const ADD_VIEWS = `
  INSERT INTO post_stats_daily (post_id, day, views)
  SELECT * FROM unnest($1::bigint[], $2::date[], $3::bigint[])
  ON CONFLICT (post_id, day) DO UPDATE SET views = post_stats_daily.views + EXCLUDED.views`;

const SELECT_DAILY = `
  SELECT post_id, to_char(day, 'YYYY-MM-DD') AS day, views::int AS views, likes, comments, shares
  FROM post_stats_daily WHERE post_id = ANY($1::bigint[]) AND day >= current_date - $2::int
  ORDER BY post_id, day DESC`;

const PRUNE_EVENTS = `
  DELETE FROM analytics_processed_events WHERE processed_at < now() - interval '8 days'`;

export interface DailyStatsRow {
  post_id: string;
  day: string;
  views: number;
  likes: number;
  comments: number;
  shares: number;
}

export async function claimEvent(tx: EntityManager, key: string): Promise<boolean> {
  return (await runNamed(tx, 'analytics.claim', CLAIM_EVENT, [key])).length === 1;
}

export async function bumpInteractions(
  tx: EntityManager,
  postId: string,
  day: string,
  delta: { likes: number; comments: number; shares: number },
): Promise<void> {
  await runNamed(tx, 'analytics.bump', BUMP_INTERACTIONS, [
    postId,
    day,
    delta.likes,
    delta.comments,
    delta.shares,
  ]);
}

export async function addViews(
  tx: EntityManager,
  rows: { postId: string; day: string; views: number }[],
): Promise<void> {
  await runNamed(tx, 'analytics.add_views', ADD_VIEWS, [
    rows.map((r) => r.postId),
    rows.map((r) => r.day),
    rows.map((r) => r.views),
  ]);
}

export function selectDailyStats(
  em: EntityManager,
  postIds: string[],
  days: number,
): Promise<DailyStatsRow[]> {
  return runNamed<DailyStatsRow>(em, 'analytics.daily', SELECT_DAILY, [postIds, days]);
}

export async function pruneProcessedEvents(em: EntityManager): Promise<number> {
  const [, affected] = (await em.query(PRUNE_EVENTS)) as [unknown, number];
  return affected;
}
