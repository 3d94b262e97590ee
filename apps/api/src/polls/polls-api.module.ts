import { Module } from '@nestjs/common';
import { PollsModule } from '@nexus/polls';
import { UsersModule } from '@nexus/users';
import { PollUpdatesResolver } from './poll-updates.resolver';
import { PollsController } from './polls.controller';
import { PollsResolver } from './polls.resolver';

/** Polls over REST, GraphQL and graphql-ws; guards come from AuthApiModule (global). */
@Module({
  imports: [PollsModule, UsersModule],
  controllers: [PollsController],
  providers: [PollsResolver, PollUpdatesResolver],
})
export class PollsApiModule {}
