import { Injectable } from '@nestjs/common';
import type { Viewer } from '@nexus/users';
import { DataSource } from 'typeorm';
import { PollCache } from './poll-cache';
import { PollUpdatesPublisher } from './poll-events';
import { assertVotable, pollStatus } from './poll-rules';
import { PollView, toPollView } from './poll-view';
import {
  AlreadyVotedError,
  PollClosedError,
  PollNotFoundError,
  PollNotOpenError,
} from './polls.errors';
import { selectSnapshot } from './polls.queries';
import { castBallot } from './poll-votes.queries';

/** Casting a ballot: one statement (castBallot), every tally bumped in SQL, events after commit. */
@Injectable()
export class PollVotingService {
  constructor(
    private readonly db: DataSource,
    private readonly cache: PollCache,
    private readonly updates: PollUpdatesPublisher,
  ) {}

  async vote(viewer: Viewer, pollId: string, optionIds: string[]): Promise<PollView> {
    const outcome = await castBallot(this.db.manager, pollId, viewer.id, optionIds);
    if (!outcome.recorded) {
      if (outcome.duplicate) throw new AlreadyVotedError(pollId);
      throw await this.whyRejected(pollId, optionIds);
    }
    // After commit (the statement committed on return): nobody may see a ballot that could
    // still roll back. Independent Redis round trips, so they run side by side.
    await Promise.all([this.cache.invalidate(pollId), this.updates.changed(pollId)]);
    return toPollView(
      outcome.poll,
      viewer,
      [...optionIds].sort((a, b) => Number(a) - Number(b)),
    );
  }

  /**
   * The ballot matched nothing: explain why from a fresh read (unknown poll 404; not open or
   * closed 409; foreign/duplicate/too many options 400). Rare, so it may cost a statement.
   */
  private async whyRejected(pollId: string, optionIds: string[]): Promise<Error> {
    const poll = await selectSnapshot(this.db.manager, pollId);
    if (!poll) return new PollNotFoundError(pollId);
    try {
      assertVotable(poll, optionIds, new Date());
    } catch (err) {
      return err as Error;
    }
    // Valid on the fresh read, yet refused under the lock: it closed (or opened) in between.
    return pollStatus(poll, new Date()) === 'SCHEDULED'
      ? new PollNotOpenError(pollId, poll.startsAt)
      : new PollClosedError(pollId);
  }
}
