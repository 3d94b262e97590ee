import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FeedModule } from '@nexus/feed';
import { NotificationsModule } from '@nexus/notifications';
import { UsersModule } from '@nexus/users';
import { BlockEntity } from './block.entity';
import { BlocksService } from './blocks.service';
import { FollowEntity } from './follow.entity';
import { FollowsService } from './follows.service';
import { GraphActivity } from './graph-activity';

@Module({
  imports: [
    TypeOrmModule.forFeature([FollowEntity, BlockEntity]),
    UsersModule,
    FeedModule,
    NotificationsModule,
  ],
  providers: [FollowsService, BlocksService, GraphActivity],
  exports: [FollowsService, BlocksService],
})
export class SocialGraphModule {}
