import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PostModel } from './post.model';

export enum PostInteractionKind {
  LIKE = 'LIKE',
  UNLIKE = 'UNLIKE',
  COMMENT = 'COMMENT',
  SHARE = 'SHARE',
}
registerEnumType(PostInteractionKind, { name: 'PostInteractionType' });

/** Pushed to `postInteraction` subscribers after an interaction commits, on any API instance. */
@ObjectType('PostInteraction')
export class PostInteractionModel {
  @Field(() => PostInteractionKind)
  type!: PostInteractionKind;

  /** The post with its counters right after this interaction. */
  @Field(() => PostModel)
  post!: PostModel;
}
