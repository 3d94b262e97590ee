import { Injectable } from '@nestjs/common';
import { EventBus } from '@nexus/core';
import type { PostRecord } from '@nexus/posts';

/** `feedUpdated`: a new post entered this user's feed. */
export interface FeedUpdatedEvent {
  post: PostRecord;
}

export const feedUpdatedTopic = (userId: string) => `feed.updated.${userId}`;

/** Cross-instance feed events over the Redis event bus (published by the fan-out worker). */
@Injectable()
export class FeedEvents {
  constructor(private readonly events: EventBus) {}

  async postAdded(userIds: readonly string[], post: PostRecord): Promise<void> {
    const event: FeedUpdatedEvent = { post };
    await Promise.all(userIds.map((id) => this.events.publish(feedUpdatedTopic(id), event)));
  }

  subscribe(userId: string): AsyncIterableIterator<FeedUpdatedEvent> {
    return this.events.subscribe<FeedUpdatedEvent>(feedUpdatedTopic(userId));
  }
}
