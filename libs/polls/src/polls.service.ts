import { Injectable } from '@nestjs/common';
import { ForbiddenError, OutboxRelay, Page, PageRequest, toPage } from '@nexus/core';
import type { Viewer } from '@nexus/users';
import { DataSource } from 'typeorm';
import { PollCache } from './poll-cache';
import { PollLifecycleProducer } from './poll-lifecycle.producer';
import { resultsToCsv } from './poll-results-csv';
import { canSeeTotals, PollDraft, PollStatus, validateNewPoll } from './poll-rules';
import { PollSnapshot } from './poll-snapshot';
import { PollResultsView, PollView, toPollView, toResultsView } from './poll-view';
import { PollNotFoundError } from './polls.errors';
import { insertPoll, selectPage, selectSnapshot, selectViewerOptions } from './polls.queries';

/** Creating and reading polls. Voting and closing live in their own services. */
@Injectable()
export class PollsService {
  constructor(
    private readonly db: DataSource,
    private readonly cache: PollCache,
    private readonly lifecycle: PollLifecycleProducer,
    private readonly relay: OutboxRelay,
  ) {}

  async create(viewer: Viewer, draft: PollDraft): Promise<PollView> {
    const poll = validateNewPoll(draft, new Date());
    const { pollId, jobs } = await this.db.transaction(async (tx) => {
      const id = await insertPoll(tx, viewer.id, poll);
      return { pollId: id, jobs: await this.lifecycle.schedule(tx, { id, ...poll }) };
    });
    // After commit: a job must never find a row that could still roll back.
    await this.relay.deliver(jobs);
    const snapshot = await this.snapshot(pollId);
    return toPollView(snapshot, viewer, []);
  }

  async get(viewer: Viewer | undefined, pollId: string): Promise<PollView> {
    const snapshot = await this.snapshot(pollId);
    return toPollView(snapshot, viewer, await this.viewerOptionIds(viewer, pollId));
  }

  async list(
    viewer: Viewer | undefined,
    page: PageRequest,
    status?: PollStatus,
  ): Promise<Page<PollView>> {
    const now = new Date();
    const rows = await selectPage(this.db.manager, {
      status: status ?? null,
      afterId: page.after ?? null,
      limit: page.first + 1,
      now,
    });
    const found = toPage(rows, page.first);
    const chosen = viewer
      ? await selectViewerOptions(
          this.db.manager,
          viewer.id,
          found.data.map((p) => p.id),
        )
      : null;
    return {
      data: found.data.map((p) => toPollView(p, viewer, chosen?.get(p.id) ?? [], now)),
      nextCursor: found.nextCursor,
    };
  }

  async results(viewer: Viewer | undefined, pollId: string): Promise<PollResultsView> {
    return toResultsView(toPollView(await this.snapshot(pollId), viewer, null));
  }

  /** While totals are hidden only the author or an admin may export them. */
  async resultsCsv(viewer: Viewer | undefined, pollId: string): Promise<string> {
    const snapshot = await this.snapshot(pollId);
    if (!canSeeTotals(snapshot, viewer, new Date()))
      throw new ForbiddenError('Results of this poll are hidden until it closes');
    return resultsToCsv(toResultsView(toPollView(snapshot, viewer, null)));
  }

  /** Cached poll + tallies (viewer-independent); 404 when the poll does not exist. */
  async snapshot(pollId: string): Promise<PollSnapshot> {
    const cached = await this.cache.get(pollId);
    if (cached) return cached;
    const snapshot = await selectSnapshot(this.db.manager, pollId);
    if (!snapshot) throw new PollNotFoundError(pollId);
    await this.cache.set(snapshot);
    return snapshot;
  }

  private async viewerOptionIds(viewer: Viewer | undefined, pollId: string): Promise<string[]> {
    if (!viewer) return [];
    return (await selectViewerOptions(this.db.manager, viewer.id, [pollId])).get(pollId) ?? [];
  }
}
