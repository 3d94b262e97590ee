import { PostRecord } from './post-record';

export type PostInteractionType = 'LIKE' | 'UNLIKE' | 'COMMENT' | 'SHARE';

/** Published after commit on the post's topic; carries the post with its new counters. */
export interface PostInteractionEvent {
  type: PostInteractionType;
  actorId: string;
  post: PostRecord;
}

export function postInteractionTopic(postId: string): string {
  return `post-interaction.${postId}`;
}
