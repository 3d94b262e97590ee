import { AnalyticsProcessedEventEntity, PostStatsDailyEntity } from '@nexus/analytics';
import { RefreshTokenEntity } from '@nexus/auth';
import { OutboxEntity } from '@nexus/core';
import { NotificationEntity } from '@nexus/notifications';
import { CommentEntity, LikeEntity, PostEntity, ShareEntity } from '@nexus/posts';
import { PollEntity, PollOptionEntity, PollVoteEntity, PollVoterEntity } from '@nexus/polls';
import { BlockEntity, FollowEntity } from '@nexus/social-graph';
import { UserEntity } from '@nexus/users';

/**
 * Every entity of every domain: the migrator and the TypeORM CLI compare these with the
 * migrations. The apps load entities through each domain module's forFeature instead.
 */
export const ENTITIES: (new () => object)[] = [
  UserEntity,
  RefreshTokenEntity,
  PostEntity,
  CommentEntity,
  LikeEntity,
  ShareEntity,
  PollEntity,
  PollOptionEntity,
  PollVoterEntity,
  PollVoteEntity,
  FollowEntity,
  BlockEntity,
  OutboxEntity,
  NotificationEntity,
  PostStatsDailyEntity,
  AnalyticsProcessedEventEntity,
];
