import { Module } from '@nestjs/common';
import { FeedModule } from '@nexus/feed';
import { PostsModule } from '@nexus/posts';
import { FeedController } from './feed.controller';
import { FeedResolver } from './feed.resolver';

/** The home feed over GraphQL (`feed`, `feedUpdated`) and REST (`GET /api/feed`). */
@Module({
  imports: [FeedModule, PostsModule],
  controllers: [FeedController],
  providers: [FeedResolver],
})
export class FeedApiModule {}
