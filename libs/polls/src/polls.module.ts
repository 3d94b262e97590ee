import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@nexus/notifications';
import { PollCache, PollsCacheModule } from './poll-cache';
import { PollUpdatesPublisher } from './poll-events';
import { PollLifecycleProducer } from './poll-lifecycle.producer';
import { PollLifecycleService } from './poll-lifecycle.service';
import { PollOptionEntity } from './poll-option.entity';
import { PollVoteEntity } from './poll-vote.entity';
import { PollVoterEntity } from './poll-voter.entity';
import { PollVotingService } from './poll-voting.service';
import { PollEntity } from './poll.entity';
import { PollsService } from './polls.service';

/** Polls for the API and the worker; needs CoreModule (database, Redis, queues, EventBus). */
@Module({
  imports: [
    TypeOrmModule.forFeature([PollEntity, PollOptionEntity, PollVoterEntity, PollVoteEntity]),
    PollsCacheModule,
    NotificationsModule,
  ],
  providers: [
    PollCache,
    PollUpdatesPublisher,
    PollLifecycleProducer,
    PollsService,
    PollVotingService,
    PollLifecycleService,
  ],
  exports: [PollsService, PollVotingService, PollLifecycleService],
})
export class PollsModule {}
