import { EntityManager } from 'typeorm';
import { PollStatus, ValidPoll } from './poll-rules';
import { PollOptionSnapshot, PollSnapshot } from './poll-snapshot';

// A poll with its options (position order) in one row: detail and list pages use the same text.
const SNAPSHOT_COLUMNS = `
  p.id, p.author_id, p.question, p.description, p.allows_multiple, p.hide_totals, p.created_at,
  p.starts_at, p.expires_at, p.closed_at, p.votes_count, p.voters_count,
  (SELECT json_agg(json_build_object('id', o.id::text, 'text', o.text, 'position', o.position,
                                     'votesCount', o.votes_count) ORDER BY o.position)
     FROM poll_options o WHERE o.poll_id = p.id) AS options`;

const SELECT_SNAPSHOT = `SELECT ${SNAPSHOT_COLUMNS} FROM polls p WHERE p.id = $1`;

// Same rule as pollStatus() in poll-rules.ts, evaluated at $1 (the caller's "now").
const STATUS_CONDITION = `
  ($2::text IS NULL
   OR ($2 = 'CLOSED' AND (p.closed_at IS NOT NULL OR p.expires_at <= $1))
   OR ($2 <> 'CLOSED' AND p.closed_at IS NULL AND (p.expires_at IS NULL OR p.expires_at > $1)
       AND CASE WHEN $2 = 'SCHEDULED' THEN p.starts_at > $1
                ELSE (p.starts_at IS NULL OR p.starts_at <= $1) END))`;

const SELECT_PAGE = `
  SELECT ${SNAPSHOT_COLUMNS} FROM polls p
  WHERE ${STATUS_CONDITION} AND ($3::bigint IS NULL OR p.id < $3)
  ORDER BY p.id DESC LIMIT $4`;

const INSERT_POLL = `
  INSERT INTO polls (author_id, question, description, allows_multiple, hide_totals, starts_at, expires_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`;

const INSERT_OPTIONS = `
  INSERT INTO poll_options (poll_id, position, text)
  SELECT $1, t.ord - 1, t.text FROM unnest($2::text[]) WITH ORDINALITY AS t(text, ord)`;

const SELECT_VIEWER_OPTIONS = `
  SELECT poll_id, option_id FROM poll_votes
  WHERE user_id = $1 AND poll_id = ANY($2::bigint[]) ORDER BY option_id`;

export interface SnapshotRow {
  id: string;
  author_id: string;
  question: string;
  description: string | null;
  allows_multiple: boolean;
  hide_totals: boolean;
  created_at: Date;
  starts_at: Date | null;
  expires_at: Date | null;
  closed_at: Date | null;
  votes_count: number;
  voters_count: number;
  options: PollOptionSnapshot[] | null;
}

export function toSnapshot(row: SnapshotRow): PollSnapshot {
  return {
    id: row.id,
    authorId: row.author_id,
    question: row.question,
    description: row.description,
    allowsMultiple: row.allows_multiple,
    hideTotals: row.hide_totals,
    createdAt: row.created_at,
    startsAt: row.starts_at,
    expiresAt: row.expires_at,
    closedAt: row.closed_at,
    votesCount: row.votes_count,
    votersCount: row.voters_count,
    options: row.options ?? [],
  };
}

export async function selectSnapshot(
  em: EntityManager,
  pollId: string,
): Promise<PollSnapshot | null> {
  const rows = (await em.query(SELECT_SNAPSHOT, [pollId])) as SnapshotRow[];
  return rows.length ? toSnapshot(rows[0]) : null;
}

/** Keyset page, newest first; asks for `limit` rows (the caller adds one to detect more). */
export async function selectPage(
  em: EntityManager,
  filter: { status: PollStatus | null; afterId: string | null; limit: number; now: Date },
): Promise<PollSnapshot[]> {
  const rows = (await em.query(SELECT_PAGE, [
    filter.now,
    filter.status,
    filter.afterId,
    filter.limit,
  ])) as SnapshotRow[];
  return rows.map(toSnapshot);
}

export async function insertPoll(
  em: EntityManager,
  authorId: string,
  poll: ValidPoll,
): Promise<string> {
  const [{ id }] = (await em.query(INSERT_POLL, [
    authorId,
    poll.question,
    poll.description,
    poll.allowsMultiple,
    poll.hideTotals,
    poll.startsAt,
    poll.expiresAt,
  ])) as { id: string }[];
  await em.query(INSERT_OPTIONS, [id, poll.options]);
  return id;
}

/** pollId → the viewer's chosen option ids, for a page of polls in one query. */
export async function selectViewerOptions(
  em: EntityManager,
  userId: string,
  pollIds: string[],
): Promise<Map<string, string[]>> {
  const byPoll = new Map<string, string[]>(pollIds.map((id) => [id, []]));
  if (!pollIds.length) return byPoll;
  const rows = (await em.query(SELECT_VIEWER_OPTIONS, [userId, pollIds])) as {
    poll_id: string;
    option_id: string;
  }[];
  for (const row of rows) byPoll.get(row.poll_id)?.push(row.option_id);
  return byPoll;
}
