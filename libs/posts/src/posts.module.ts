import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AnalyticsModule } from '@nexus/analytics';
import { FeedModule } from '@nexus/feed';
import { NotificationsModule } from '@nexus/notifications';
import { UsersModule } from '@nexus/users';
import { CommentEntity } from './comment.entity';
import { CommentsService } from './comments.service';
import { LikeEntity } from './like.entity';
import { PostActivity } from './post-activity';
import { PostInteractionStream } from './post-interaction-stream';
import { PostDetailsService } from './post-details.service';
import { PostEntity } from './post.entity';
import { PostLikesService } from './post-likes.service';
import { PostSharesService } from './post-shares.service';
import { PostsService } from './posts.service';
import { ShareEntity } from './share.entity';
import { PostStatsService } from './post-stats.service';
import { TrendingPostsService } from './trending-posts.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([PostEntity, CommentEntity, LikeEntity, ShareEntity]),
    UsersModule,
    NotificationsModule,
    AnalyticsModule,
    FeedModule,
  ],
  providers: [
    PostsService,
    PostLikesService,
    PostSharesService,
    CommentsService,
    PostDetailsService,
    PostActivity,
    PostInteractionStream,
    PostStatsService,
    TrendingPostsService,
  ],
  exports: [
    PostStatsService,
    TrendingPostsService,
    PostsService,
    PostLikesService,
    PostSharesService,
    CommentsService,
    PostDetailsService,
    PostInteractionStream,
  ],
})
export class PostsModule {}
