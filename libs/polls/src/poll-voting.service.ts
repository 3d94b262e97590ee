import { Injectable } from '@nestjs/common';
import type { Viewer } from '@nexus/users';
import { DataSource, EntityManager } from 'typeorm';
import { PollCache } from './poll-cache';
import { PollUpdatesPublisher } from './poll-events';
import { assertVotable, pollStatus } from './poll-rules';
import { PollView, toPollView } from './poll-view';
import {
  AlreadyVotedError,
  InvalidBallotError,
  PollClosedError,
  PollNotFoundError,
  PollNotOpenError,
} from './polls.errors';
import { selectSnapshot } from './polls.queries';
import { PollsService } from './polls.service';
import { bumpOptionCounts, bumpPollIfOpen, insertVoter, insertVotes } from './poll-votes.queries';

/** Casting a ballot: one transaction, every tally bumped in SQL, events after commit. */
@Injectable()
export class PollVotingService {
  constructor(
    private readonly db: DataSource,
    private readonly polls: PollsService,
    private readonly cache: PollCache,
    private readonly updates: PollUpdatesPublisher,
  ) {}

  async vote(viewer: Viewer, pollId: string, optionIds: string[]): Promise<PollView> {
    // Early, cheap answers from the cached snapshot; the transaction re-checks what can change.
    assertVotable(await this.polls.snapshot(pollId), optionIds, new Date());

    await this.db.transaction(async (tx) => {
      if (!(await bumpPollIfOpen(tx, pollId, optionIds.length)))
        throw await this.whyNotOpen(tx, pollId);
      if (!(await insertVoter(tx, pollId, viewer.id))) throw new AlreadyVotedError(pollId);
      if ((await insertVotes(tx, pollId, viewer.id, optionIds)) !== optionIds.length)
        throw new InvalidBallotError('optionIds must be options of this poll');
      await bumpOptionCounts(tx, pollId, optionIds);
    });

    // After commit: nobody may see a ballot that could still roll back.
    await this.cache.invalidate(pollId);
    await this.updates.changed(pollId);
    const fresh = await selectSnapshot(this.db.manager, pollId);
    if (!fresh) throw new PollNotFoundError(pollId);
    return toPollView(
      fresh,
      viewer,
      [...optionIds].sort((a, b) => Number(a) - Number(b)),
    );
  }

  /** The open-check UPDATE matched nothing: deleted, closed meanwhile, or not started. */
  private async whyNotOpen(tx: EntityManager, pollId: string): Promise<Error> {
    const poll = await selectSnapshot(tx, pollId);
    if (!poll) return new PollNotFoundError(pollId);
    return pollStatus(poll, new Date()) === 'SCHEDULED'
      ? new PollNotOpenError(pollId, poll.startsAt)
      : new PollClosedError(pollId);
  }
}
