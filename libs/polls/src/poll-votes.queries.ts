import { runNamed } from '@nexus/core';
import { DatabaseError } from 'pg';
import { EntityManager } from 'typeorm';
import { PollSnapshot } from './poll-snapshot';
import { SnapshotRow, toSnapshot } from './polls.queries';

// The whole ballot is one statement, so the poll row lock (which every ballot of the poll
// queues on) is held for one statement and its commit, not across five round trips.
// - Lock order stays poll row, then voter, votes, option rows: the options UPDATE is gated on
//   the poll CTE, so it cannot lock an option before the poll row.
// - "Still open", "options of this poll" and "one option unless multiple" are checked in the
//   poll UPDATE's WHERE, under the row lock: a ballot racing the close counts fully or not at
//   all; a bad ballot matches nothing and changes nothing.
// - A second ballot by the same voter is a unique violation on poll_voters: the statement
//   (all its CTEs) rolls back and the caller answers 409.
// - Every option row is re-read under the poll lock (`+ 0` for the others), so the tallies
//   returned are the committed totals, consistent with the poll row's counts.
const CAST_BALLOT = `
  WITH poll AS (
    UPDATE polls p SET votes_count = p.votes_count + cardinality($3::bigint[]),
                       voters_count = p.voters_count + 1
    WHERE p.id = $1 AND p.closed_at IS NULL
      AND (p.expires_at IS NULL OR p.expires_at > now())
      AND (p.starts_at IS NULL OR p.starts_at <= now())
      AND cardinality($3::bigint[]) >= 1
      AND (p.allows_multiple OR cardinality($3::bigint[]) = 1)
      AND cardinality($3::bigint[]) = (SELECT count(*) FROM poll_options o
                                       WHERE o.poll_id = $1 AND o.id = ANY($3::bigint[]))
    RETURNING p.*),
  voter AS (INSERT INTO poll_voters (poll_id, user_id) SELECT id, $2 FROM poll RETURNING poll_id),
  votes AS (INSERT INTO poll_votes (poll_id, option_id, user_id)
            SELECT v.poll_id, o, $2 FROM voter v, unnest($3::bigint[]) o),
  options AS (
    UPDATE poll_options o SET votes_count = o.votes_count + (o.id = ANY($3::bigint[]))::int
    WHERE o.poll_id = $1 AND EXISTS (SELECT 1 FROM poll)
    RETURNING o.id, o.text, o.position, o.votes_count)
  SELECT poll.id, poll.author_id, poll.question, poll.description, poll.allows_multiple,
    poll.hide_totals, poll.created_at, poll.starts_at, poll.expires_at, poll.closed_at,
    poll.votes_count, poll.voters_count,
    (SELECT json_agg(json_build_object('id', id::text, 'text', text, 'position', position,
                                       'votesCount', votes_count) ORDER BY position)
     FROM options) AS options
  FROM poll`;

const UNIQUE_VIOLATION = '23505';

export type BallotOutcome =
  { recorded: true; poll: PollSnapshot } | { recorded: false; duplicate: boolean };

/**
 * Records the ballot and returns the poll with its new tallies; `recorded: false` when the
 * voter had voted already (`duplicate`) or the poll was not open / the ballot not valid for it.
 */
export async function castBallot(
  em: EntityManager,
  pollId: string,
  userId: string,
  optionIds: string[],
): Promise<BallotOutcome> {
  try {
    const [row] = await runNamed<SnapshotRow>(em, 'polls.cast_ballot', CAST_BALLOT, [
      pollId,
      userId,
      optionIds,
    ]);
    return row ? { recorded: true, poll: toSnapshot(row) } : { recorded: false, duplicate: false };
  } catch (err) {
    if (
      err instanceof DatabaseError &&
      err.code === UNIQUE_VIOLATION &&
      err.table === 'poll_voters'
    )
      return { recorded: false, duplicate: true };
    throw err;
  }
}
