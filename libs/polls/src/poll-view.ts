import type { Viewer } from '@nexus/users';
import { canSeeTotals, percentage, pollStatus, PollStatus } from './poll-rules';
import { PollSnapshot } from './poll-snapshot';

export interface PollOptionView {
  id: string;
  text: string;
  position: number;
  votesCount: number | null;
  percentage: number | null;
}

/** A poll as one viewer sees it: counts null while hidden from them. */
export interface PollView {
  id: string;
  authorId: string;
  question: string;
  description: string | null;
  status: PollStatus;
  allowsMultiple: boolean;
  hideTotals: boolean;
  createdAt: Date;
  startsAt: Date | null;
  expiresAt: Date | null;
  closedAt: Date | null;
  votesCount: number | null;
  votersCount: number | null;
  options: PollOptionView[];
  /** The viewer's chosen options; [] for anonymous viewers, null where not known (live updates). */
  viewerOptionIds: string[] | null;
}

export interface PollResultsView {
  pollId: string;
  status: PollStatus;
  votesCount: number | null;
  votersCount: number | null;
  options: PollOptionView[];
}

export function toPollView(
  poll: PollSnapshot,
  viewer: Viewer | null | undefined,
  viewerOptionIds: string[] | null,
  now = new Date(),
): PollView {
  const visible = canSeeTotals(poll, viewer, now);
  return {
    id: poll.id,
    authorId: poll.authorId,
    question: poll.question,
    description: poll.description,
    status: pollStatus(poll, now),
    allowsMultiple: poll.allowsMultiple,
    hideTotals: poll.hideTotals,
    createdAt: poll.createdAt,
    startsAt: poll.startsAt,
    expiresAt: poll.expiresAt,
    closedAt: poll.closedAt,
    votesCount: visible ? poll.votesCount : null,
    votersCount: visible ? poll.votersCount : null,
    options: poll.options.map((o) => ({
      id: o.id,
      text: o.text,
      position: o.position,
      votesCount: visible ? o.votesCount : null,
      percentage: visible ? percentage(o.votesCount, poll.votesCount) : null,
    })),
    viewerOptionIds,
  };
}

export function toResultsView(view: PollView): PollResultsView {
  return {
    pollId: view.id,
    status: view.status,
    votesCount: view.votesCount,
    votersCount: view.votersCount,
    options: view.options,
  };
}
