import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@nexus/auth';
import { CurrentUser, Public } from '@nexus/auth';
import { ParseIdPipe } from '@nexus/core';
import { PollLifecycleService, PollsService, PollVotingService } from '@nexus/polls';
import type { FastifyReply } from 'fastify';
import { ApiErrors } from '../common/api-errors.decorator';
import { CreatePollInput } from './create-poll.input';
import { ListPollsInput } from './list-polls.input';
import { PollPageModel } from './poll-page.model';
import { PollResultsModel } from './poll-results.model';
import { PollModel } from './poll.model';
import { VoteBody } from './vote-body.input';
import type { Ballot } from './vote-body.pipe';
import { VoteBodyPipe } from './vote-body.pipe';
import { Idempotent } from '../idempotency/idempotent.decorator';

const CREATE_EXAMPLES = {
  simple: {
    summary: 'Open until closed',
    value: { question: 'Tabs or spaces?', options: ['Tabs', 'Spaces'] },
  },
  full: {
    summary: 'Scheduled, expiring, multiple choice, hidden totals',
    value: {
      question: 'Which talks will you attend?',
      description: 'Pick all that apply',
      options: ['Keynote', 'Databases', 'Frontend'],
      startsAt: '2026-06-01T09:00:00.000Z',
      expiresAt: '2026-06-02T09:00:00.000Z',
      allowsMultiple: true,
      hideTotals: true,
    },
  },
};

const VOTE_EXAMPLES = {
  optionId: { summary: 'One option', value: { optionId: 3 } },
  optionIds: { summary: 'Several options (multiple choice)', value: { optionIds: [3, 4] } },
  option_id: { summary: 'Seed spelling', value: { option_id: '3' } },
};

@ApiTags('polls')
@ApiBearerAuth('bearer')
@Controller('polls')
export class PollsController {
  constructor(
    private readonly polls: PollsService,
    private readonly voting: PollVotingService,
    private readonly lifecycle: PollLifecycleService,
  ) {}

  /** Polls, newest first; `status` filters by the computed status. */
  @Public()
  @Get()
  @ApiErrors(400)
  list(
    @CurrentUser() viewer: AuthUser | undefined,
    @Query() query: ListPollsInput,
  ): Promise<PollPageModel> {
    return this.polls.list(viewer, query.toPageRequest(), query.status);
  }

  /** Creates a poll; the caller is its author. Delayed jobs open and close it on time. */
  @Idempotent()
  @Post()
  @ApiBody({ type: CreatePollInput, examples: CREATE_EXAMPLES })
  @ApiErrors(400, 401)
  create(@CurrentUser() viewer: AuthUser, @Body() input: CreatePollInput): Promise<PollModel> {
    return this.polls.create(viewer, input);
  }

  /** CSV of the results (RFC 4180, formula-safe). While totals are hidden: author or admin only. */
  @Public()
  @Get(':id/results.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'option,votes,percentage',
    content: {
      'text/csv': {
        schema: { type: 'string' },
        example: 'option,votes,percentage\r\nTabs,7,58.3\r\nSpaces,5,41.7\r\n',
      },
    },
  })
  @ApiErrors(400, 403, 404)
  async resultsCsv(
    @CurrentUser() viewer: AuthUser | undefined,
    @Param('id', ParseIdPipe) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<string> {
    const csv = await this.polls.resultsCsv(viewer, id);
    void res
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="poll-${id}-results.csv"`);
    return csv;
  }

  /** Tallies only; null counts while hidden from the caller. */
  @Public()
  @Get(':id/results')
  @ApiErrors(400, 404)
  results(
    @CurrentUser() viewer: AuthUser | undefined,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<PollResultsModel> {
    return this.polls.results(viewer, id);
  }

  /** One poll with the caller's choices (viewerOptionIds). */
  @Public()
  @Get(':id')
  @ApiErrors(400, 404)
  get(
    @CurrentUser() viewer: AuthUser | undefined,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<PollModel> {
    return this.polls.get(viewer, id);
  }

  /** Casts the caller's one ballot. 409 ALREADY_VOTED, POLL_CLOSED or POLL_NOT_OPEN. */
  @Idempotent()
  @Post(':id/vote')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ type: VoteBody, examples: VOTE_EXAMPLES })
  @ApiErrors(400, 401, 404, 409)
  vote(
    @CurrentUser() viewer: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body(VoteBodyPipe) ballot: Ballot,
  ): Promise<PollModel> {
    return this.voting.vote(viewer, id, ballot.optionIds);
  }

  /** Closes the poll now (author or admin); closing a closed poll changes nothing. */
  @Post(':id/close')
  @HttpCode(HttpStatus.OK)
  @ApiErrors(400, 401, 403, 404)
  close(@CurrentUser() viewer: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<PollModel> {
    return this.lifecycle.closeByUser(viewer, id);
  }

  /** Deletes the poll with its options and ballots for good (author or admin). */
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiErrors(400, 401, 403, 404)
  delete(@CurrentUser() viewer: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<void> {
    return this.lifecycle.delete(viewer, id);
  }
}
