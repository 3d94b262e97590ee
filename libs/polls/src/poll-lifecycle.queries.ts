import { EntityManager } from 'typeorm';

// closed_at is written once: `closed_at IS NULL` makes a duplicated or late close a no-op.
// A poll that already expired records its expiry as the closing instant, even if closed late.
const CLOSE_POLL = `
  UPDATE polls SET closed_at = LEAST(now(), COALESCE(expires_at, now()))
  WHERE id = $1 AND closed_at IS NULL
  RETURNING author_id`;

// The expiry job re-checks the row: a job that fires early changes nothing.
const CLOSE_EXPIRED_POLL = `
  UPDATE polls SET closed_at = expires_at
  WHERE id = $1 AND closed_at IS NULL AND expires_at <= now()
  RETURNING author_id`;

const SELECT_VOTER_IDS = `
  SELECT user_id FROM poll_voters WHERE poll_id = $1 AND user_id > $2
  ORDER BY user_id LIMIT $3`;

const DELETE_POLL = `DELETE FROM polls WHERE id = $1 RETURNING id`;

type UpdateResult<T> = [T[], number];

/** Returns the author when this call closed the poll, null when it was already closed. */
export async function closePoll(
  em: EntityManager,
  pollId: string,
  onlyIfExpired: boolean,
): Promise<string | null> {
  const [rows] = (await em.query(onlyIfExpired ? CLOSE_EXPIRED_POLL : CLOSE_POLL, [
    pollId,
  ])) as UpdateResult<{ author_id: string }>;
  return rows.length ? rows[0].author_id : null;
}

/** Voter ids in ascending chunks (keyset), so a poll with many voters is never loaded at once. */
export async function* voterIdChunks(
  em: EntityManager,
  pollId: string,
  chunkSize: number,
): AsyncGenerator<string[]> {
  let after = '0';
  for (;;) {
    const rows = (await em.query(SELECT_VOTER_IDS, [pollId, after, chunkSize])) as {
      user_id: string;
    }[];
    if (!rows.length) return;
    yield rows.map((r) => r.user_id);
    after = rows[rows.length - 1].user_id;
    if (rows.length < chunkSize) return;
  }
}

export async function deletePoll(em: EntityManager, pollId: string): Promise<boolean> {
  const [rows] = (await em.query(DELETE_POLL, [pollId])) as UpdateResult<{ id: string }>;
  return rows.length === 1;
}
