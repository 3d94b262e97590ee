import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { AuthUser } from '@nexus/auth';
import { CurrentUser, Public } from '@nexus/auth';
import { NotFoundError, ParseIdPipe } from '@nexus/core';
import type { GraphqlContext } from '@nexus/core';
import { PollLifecycleService, PollsService, PollVotingService } from '@nexus/polls';
import type { PollView } from '@nexus/polls';
import { UsersService } from '@nexus/users';
import { userLoader } from '../users/user.loader';
import { UserModel } from '../users/user.model';
import { CreatePollInput } from './create-poll.input';
import { ListPollsInput } from './list-polls.input';
import { PollIdInput } from './poll-id.input';
import { PollPageModel } from './poll-page.model';
import { PollModel } from './poll.model';
import { VoteInput } from './vote.input';

@Resolver(() => PollModel)
export class PollsResolver {
  constructor(
    private readonly polls: PollsService,
    private readonly voting: PollVotingService,
    private readonly lifecycle: PollLifecycleService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Query(() => PollPageModel, {
    name: 'polls',
    description: 'Polls, newest first, optionally by status',
  })
  list(
    @CurrentUser() viewer: AuthUser | undefined,
    @Args() args: ListPollsInput,
  ): Promise<PollPageModel> {
    return this.polls.list(viewer, args.toPageRequest(), args.status);
  }

  @Public()
  @Query(() => PollModel, { description: 'One poll with its tallies (null counts while hidden)' })
  poll(
    @CurrentUser() viewer: AuthUser | undefined,
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
  ): Promise<PollModel> {
    return this.polls.get(viewer, id);
  }

  @Mutation(() => PollModel, { description: 'Creates a poll; the caller is its author' })
  createPoll(
    @CurrentUser() viewer: AuthUser,
    @Args('input') input: CreatePollInput,
  ): Promise<PollModel> {
    return this.polls.create(viewer, input);
  }

  @Mutation(() => PollModel, { description: 'Casts the caller’s one ballot' })
  vote(@CurrentUser() viewer: AuthUser, @Args('input') input: VoteInput): Promise<PollModel> {
    return this.voting.vote(viewer, input.pollId, input.optionIds);
  }

  @Mutation(() => PollModel, { description: 'Closes a poll now (author or admin)' })
  closePoll(
    @CurrentUser() viewer: AuthUser,
    @Args('input') input: PollIdInput,
  ): Promise<PollModel> {
    return this.lifecycle.closeByUser(viewer, input.pollId);
  }

  @Mutation(() => Boolean, {
    description: 'Deletes a poll and its ballots for good (author or admin)',
  })
  async deletePoll(
    @CurrentUser() viewer: AuthUser,
    @Args('input') input: PollIdInput,
  ): Promise<boolean> {
    await this.lifecycle.delete(viewer, input.pollId);
    return true;
  }

  /** Batched per request: a page of polls costs one users query. */
  @ResolveField('author', () => UserModel)
  async author(
    @Parent() poll: PollView,
    @CurrentUser() viewer: AuthUser | undefined,
    @Context() ctx: GraphqlContext,
  ): Promise<UserModel> {
    const user = await userLoader(ctx, this.users, viewer).load(poll.authorId);
    if (!user) throw new NotFoundError('User', poll.authorId);
    return user;
  }
}
