import { runNamed } from '@nexus/core';
import { EntityManager } from 'typeorm';

// The hot path of a vote, as named statements (planned once per connection).
// Lock order: the poll row first (every ballot of a poll queues here), then options; so two
// ballots, or a ballot and the close, can never wait on each other in opposite order.

// "Still open" is checked here, under the row lock: a ballot racing the close counts fully or
// rolls back. now() is the transaction's start, the same instant for all statements of a ballot.
const BUMP_POLL_IF_OPEN = `
  UPDATE polls SET votes_count = votes_count + $2, voters_count = voters_count + 1
  WHERE id = $1 AND closed_at IS NULL
    AND (expires_at IS NULL OR expires_at > now())
    AND (starts_at IS NULL OR starts_at <= now())
  RETURNING id`;

// The primary key (poll_id, user_id) decides duplicates, not a prior SELECT.
const INSERT_VOTER = `
  INSERT INTO poll_voters (poll_id, user_id) VALUES ($1, $2)
  ON CONFLICT (poll_id, user_id) DO NOTHING RETURNING 1`;

// The join keeps options of other polls out: fewer rows returned than asked means a bad ballot.
const INSERT_VOTES = `
  INSERT INTO poll_votes (poll_id, option_id, user_id)
  SELECT $1, o.id, $2 FROM poll_options o
  WHERE o.poll_id = $1 AND o.id = ANY($3::bigint[]) ORDER BY o.id
  RETURNING option_id`;

const BUMP_OPTIONS = `
  UPDATE poll_options SET votes_count = votes_count + 1
  WHERE poll_id = $1 AND id = ANY($2::bigint[]) RETURNING id`;

export async function bumpPollIfOpen(
  tx: EntityManager,
  pollId: string,
  lines: number,
): Promise<boolean> {
  const rows = await runNamed(tx, 'polls.bump_poll_if_open', BUMP_POLL_IF_OPEN, [pollId, lines]);
  return rows.length === 1;
}

export async function insertVoter(
  tx: EntityManager,
  pollId: string,
  userId: string,
): Promise<boolean> {
  const rows = await runNamed(tx, 'polls.insert_voter', INSERT_VOTER, [pollId, userId]);
  return rows.length === 1;
}

/** Returns how many ballot lines were written (only options of this poll are). */
export async function insertVotes(
  tx: EntityManager,
  pollId: string,
  userId: string,
  optionIds: string[],
): Promise<number> {
  return (await runNamed(tx, 'polls.insert_votes', INSERT_VOTES, [pollId, userId, optionIds]))
    .length;
}

export async function bumpOptionCounts(
  tx: EntityManager,
  pollId: string,
  optionIds: string[],
): Promise<number> {
  return (await runNamed(tx, 'polls.bump_options', BUMP_OPTIONS, [pollId, optionIds])).length;
}
