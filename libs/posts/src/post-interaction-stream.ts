import { Injectable } from '@nestjs/common';
import { EventBus } from '@nexus/core';
import { PostInteractionEvent, postInteractionTopic } from './post-events';
import { PostsService } from './posts.service';

/** Live interactions of one post over Redis pub/sub; subscribing to an unknown post is a 404. */
@Injectable()
export class PostInteractionStream {
  constructor(
    private readonly posts: PostsService,
    private readonly events: EventBus,
  ) {}

  async subscribe(postId: string): Promise<AsyncIterableIterator<PostInteractionEvent>> {
    await this.posts.get(postId);
    return this.events.subscribe<PostInteractionEvent>(postInteractionTopic(postId));
  }
}
