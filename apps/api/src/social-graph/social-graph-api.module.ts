import { Module } from '@nestjs/common';
import { SocialGraphModule } from '@nexus/social-graph';
import { SocialGraphController } from './social-graph.controller';
import { SocialGraphResolver } from './social-graph.resolver';
import { UserFollowStateResolver } from './user-follow-state.resolver';

/** Follows and blocks over GraphQL and REST, calling the same services. */
@Module({
  imports: [SocialGraphModule],
  controllers: [SocialGraphController],
  providers: [SocialGraphResolver, UserFollowStateResolver],
})
export class SocialGraphApiModule {}
