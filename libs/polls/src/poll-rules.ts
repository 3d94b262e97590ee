import { FieldError, ValidationFailedError } from '@nexus/core';
import type { Viewer } from '@nexus/users';
import { InvalidBallotError, PollClosedError, PollNotOpenError } from './polls.errors';

export const POLL_STATUSES = ['SCHEDULED', 'ACTIVE', 'CLOSED'] as const;
export type PollStatus = (typeof POLL_STATUSES)[number];

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const POLL_LIMITS = {
  questionMax: 300,
  descriptionMax: 1000,
  optionsMin: 2,
  optionsMax: 10,
  optionTextMax: 200,
  minDurationMs: 5 * MINUTE,
  maxDurationMs: 30 * DAY,
  maxScheduleAheadMs: 90 * DAY,
} as const;

export interface PollTimes {
  startsAt: Date | null;
  expiresAt: Date | null;
  closedAt: Date | null;
}

/**
 * Status follows from timestamps, so it is right even when the lifecycle worker is late.
 * Mirrored in SQL by statusCondition() in polls.queries.ts.
 */
export function pollStatus(poll: PollTimes, now: Date): PollStatus {
  if (poll.closedAt || (poll.expiresAt && poll.expiresAt <= now)) return 'CLOSED';
  if (poll.startsAt && poll.startsAt > now) return 'SCHEDULED';
  return 'ACTIVE';
}

export interface PollDraft {
  question: string;
  description?: string | null;
  options: string[];
  startsAt?: Date | null;
  expiresAt?: Date | null;
  allowsMultiple?: boolean;
  hideTotals?: boolean;
}

export interface ValidPoll {
  question: string;
  description: string | null;
  options: string[];
  startsAt: Date | null;
  expiresAt: Date | null;
  allowsMultiple: boolean;
  hideTotals: boolean;
}

function checkOptions(raw: string[]): { options: string[]; problems: string[] } {
  const options = raw.map((o) => o.trim());
  const problems: string[] = [];
  if (options.length < POLL_LIMITS.optionsMin || options.length > POLL_LIMITS.optionsMax)
    problems.push(`options must have ${POLL_LIMITS.optionsMin}-${POLL_LIMITS.optionsMax} items`);
  if (options.some((o) => o.length === 0)) problems.push('options must not be blank');
  if (options.some((o) => o.length > POLL_LIMITS.optionTextMax))
    problems.push(`each option must be at most ${POLL_LIMITS.optionTextMax} characters`);
  const folded = options.map((o) => o.toLocaleLowerCase());
  if (new Set(folded).size !== folded.length)
    problems.push('options must be distinct (case-insensitively)');
  return { options, problems };
}

function checkTimes(draft: PollDraft, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  const { startsAt, expiresAt } = draft;
  if (startsAt && startsAt <= now)
    errors.push({ field: 'startsAt', messages: ['startsAt must be in the future'] });
  if (startsAt && startsAt.getTime() - now.getTime() > POLL_LIMITS.maxScheduleAheadMs)
    errors.push({ field: 'startsAt', messages: ['startsAt must be within 90 days'] });
  if (expiresAt) {
    const start = startsAt && startsAt > now ? startsAt : now;
    const duration = expiresAt.getTime() - start.getTime();
    if (duration < POLL_LIMITS.minDurationMs || duration > POLL_LIMITS.maxDurationMs)
      errors.push({
        field: 'expiresAt',
        messages: ['expiresAt must be 5 minutes to 30 days after the start (startsAt or now)'],
      });
  }
  return errors;
}

/** Trims and checks a new poll; every problem is reported at once, per field. */
export function validateNewPoll(draft: PollDraft, now: Date): ValidPoll {
  const question = draft.question.trim();
  const description = draft.description?.trim() || null;
  const errors: FieldError[] = [];
  if (question.length < 1 || question.length > POLL_LIMITS.questionMax)
    errors.push({ field: 'question', messages: ['question must be 1-300 characters'] });
  if (description && description.length > POLL_LIMITS.descriptionMax)
    errors.push({
      field: 'description',
      messages: ['description must be at most 1000 characters'],
    });
  const { options, problems } = checkOptions(draft.options);
  if (problems.length) errors.push({ field: 'options', messages: problems });
  errors.push(...checkTimes(draft, now));
  if (errors.length) throw new ValidationFailedError(errors);
  return {
    question,
    description,
    options,
    startsAt: draft.startsAt ?? null,
    expiresAt: draft.expiresAt ?? null,
    allowsMultiple: draft.allowsMultiple ?? false,
    hideTotals: draft.hideTotals ?? false,
  };
}

export interface VotablePoll extends PollTimes {
  id: string;
  allowsMultiple: boolean;
  options: { id: string }[];
}

/** The checks a ballot must pass before its transaction; the UPDATE re-checks "open" under lock. */
export function assertVotable(poll: VotablePoll, optionIds: string[], now: Date): void {
  const status = pollStatus(poll, now);
  if (status === 'CLOSED') throw new PollClosedError(poll.id);
  if (status === 'SCHEDULED') throw new PollNotOpenError(poll.id, poll.startsAt);
  if (optionIds.length === 0) throw new InvalidBallotError('choose at least one option');
  if (new Set(optionIds).size !== optionIds.length)
    throw new InvalidBallotError('optionIds must not repeat an option');
  if (!poll.allowsMultiple && optionIds.length > 1)
    throw new InvalidBallotError('this poll allows only one option');
  const own = new Set(poll.options.map((o) => o.id));
  if (optionIds.some((id) => !own.has(id)))
    throw new InvalidBallotError('optionIds must be options of this poll');
}

/** Author and admins always see tallies; everyone once the poll is closed. */
export function canSeeTotals(
  poll: PollTimes & { hideTotals: boolean; authorId: string },
  viewer: Viewer | null | undefined,
  now: Date,
): boolean {
  if (!poll.hideTotals || pollStatus(poll, now) === 'CLOSED') return true;
  return !!viewer && (viewer.id === poll.authorId || viewer.role === 'admin');
}

export function canManage(poll: { authorId: string }, viewer: Viewer): boolean {
  return viewer.id === poll.authorId || viewer.role === 'admin';
}

/** Share of all ballot lines, in percent, one decimal; 0 when nobody voted. */
export function percentage(votes: number, total: number): number {
  return total > 0 ? Math.round((votes / total) * 1000) / 10 : 0;
}
