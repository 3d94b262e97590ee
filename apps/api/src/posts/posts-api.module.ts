import { Module } from '@nestjs/common';
import { PostsModule } from '@nexus/posts';
import { UsersModule } from '@nexus/users';
import { CommentsController } from './comments.controller';
import { CommentsResolver } from './comments.resolver';
import { PostFieldsResolver } from './post-fields.resolver';
import { PostInteractionsController } from './post-interactions.controller';
import { PostInteractionsResolver } from './post-interactions.resolver';
import { PostStatsController } from './post-stats.controller';
import { PostStatsResolver } from './post-stats.resolver';
import { PostsController } from './posts.controller';
import { TrendingController } from '../trending/trending.controller';
import { TrendingResolver } from '../trending/trending.resolver';
import { PostsResolver } from './posts.resolver';
import { UserPostsController } from './user-posts.controller';

/** Posts, comments, likes and shares over GraphQL and REST, calling the same services. */
@Module({
  imports: [PostsModule, UsersModule],
  controllers: [
    PostsController,
    PostInteractionsController,
    CommentsController,
    UserPostsController,
    PostStatsController,
    TrendingController,
  ],
  providers: [
    PostsResolver,
    PostFieldsResolver,
    PostInteractionsResolver,
    CommentsResolver,
    PostStatsResolver,
    TrendingResolver,
  ],
})
export class PostsApiModule {}
