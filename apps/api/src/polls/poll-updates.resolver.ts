import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { Public } from '@nexus/auth';
import type { AuthUser } from '@nexus/auth';
import { EventBus, GraphqlContext, ParseIdPipe, withFreshLoaders } from '@nexus/core';
import {
  PollSnapshot,
  pollUpdatedTopic,
  PollsService,
  reviveSnapshot,
  toPollView,
} from '@nexus/polls';
import { PollModel } from './poll.model';

/** Live tallies over graphql-ws, fed by EventBus (Redis pub/sub), so any instance's votes arrive. */
@Resolver(() => PollModel)
export class PollUpdatesResolver {
  constructor(
    private readonly polls: PollsService,
    private readonly events: EventBus,
  ) {}

  @Public()
  @Subscription(() => PollModel, {
    description: 'The poll after votes (coalesced, at most ~4 a second), opening and closing',
    // Messages are viewer-independent; hiding is applied per subscriber.
    resolve: (payload: PollSnapshot, args: unknown, ctx: GraphqlContext) =>
      toPollView(
        reviveSnapshot(withFreshLoaders(payload, args, ctx)),
        ctx.req.user as AuthUser | undefined,
        null,
      ),
  })
  async pollUpdated(
    @Args('pollId', { type: () => ID }, ParseIdPipe) pollId: string,
  ): Promise<AsyncIterableIterator<PollSnapshot>> {
    await this.polls.snapshot(pollId); // unknown poll: NOT_FOUND instead of a silent stream
    return this.events.subscribe<PollSnapshot>(pollUpdatedTopic(pollId));
  }
}
