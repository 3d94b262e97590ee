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
export interface PollView extends Omit<PollSnapshot, 'votesCount' | 'votersCount' | 'options'> {
  status: PollStatus;
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
  const { votesCount, votersCount, options, ...fields } = poll;
  return {
    ...fields,
    status: pollStatus(poll, now),
    votesCount: visible ? votesCount : null,
    votersCount: visible ? votersCount : null,
    options: options.map((o) => ({
      ...o,
      votesCount: visible ? o.votesCount : null,
      percentage: visible ? percentage(o.votesCount, votesCount) : null,
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
