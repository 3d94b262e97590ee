import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';

@ObjectType('NotificationActor')
export class NotificationActorModel {
  @Field(() => ID)
  id!: string;

  @Field()
  username!: string;

  @ApiProperty({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  displayName!: string | null;

  /** Profile picture URL. */
  @ApiProperty({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  avatarUrl!: string | null;
}

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID)
  id!: string;

  /** POST_LIKED, POST_COMMENTED, POST_SHARED, POLL_CLOSED or USER_FOLLOWED. */
  @ApiProperty({ example: 'POST_LIKED' })
  @Field()
  type!: string;

  /** Who did it; null for POLL_CLOSED. */
  @ApiProperty({ type: NotificationActorModel, nullable: true })
  @Field(() => NotificationActorModel, { nullable: true })
  actor!: NotificationActorModel | null;

  @ApiProperty({ type: String, nullable: true })
  @Field(() => ID, { nullable: true })
  postId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Field(() => ID, { nullable: true })
  pollId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  @Field(() => ID, { nullable: true })
  commentId!: string | null;

  @Field()
  read!: boolean;

  @ApiProperty({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  readAt!: Date | null;

  @Field()
  createdAt!: Date;
}

@ObjectType('NotificationPage')
export class NotificationPageModel {
  @Field(() => [NotificationModel])
  data!: NotificationModel[];

  /** Pass as `after` for the next page; null on the last page. */
  @ApiProperty({ type: String, nullable: true, example: 'aWQ6NDE' })
  @Field(() => String, { nullable: true })
  nextCursor!: string | null;
}

@ObjectType('MarkNotificationsReadResult')
export class MarkNotificationsReadResultModel {
  /** Notifications that went from unread to read. */
  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unreadCount!: number;
}

/** REST only (GraphQL has the `unreadCount` query). */
export class UnreadCountModel {
  unreadCount!: number;
}
