import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import Redis from 'ioredis';
import { Environment } from '../config/environment';
import { redisOptionsFromUrl } from '../redis/redis-options';

/**
 * Cross-instance events over Redis pub/sub (GraphQL subscriptions). Channels carry REDIS_PREFIX
 * so deployments and test workers sharing one Redis never hear each other.
 */
@Injectable()
export class EventBus implements OnApplicationShutdown {
  private readonly pubsub: RedisPubSub;
  private readonly publisher: Redis;
  private readonly prefix: string;

  constructor(env: Environment) {
    const options = redisOptionsFromUrl(env.REDIS_URL, { maxRetriesPerRequest: null });
    this.prefix = env.REDIS_PREFIX;
    this.publisher = new Redis(options);
    this.pubsub = new RedisPubSub({
      publisher: this.publisher,
      subscriber: new Redis(options),
      reviver: (key, value) =>
        typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value)
          ? new Date(value)
          : value,
    });
  }

  /** Fails fast while Redis is down: a live event is worth nothing later, a stuck caller is worse. */
  publish<T>(topic: string, payload: T): Promise<void> {
    if (this.publisher.status !== 'ready') {
      return Promise.reject(new Error(`Redis not ready (${this.publisher.status})`));
    }
    return this.pubsub.publish(this.prefix + topic, payload);
  }

  subscribe<T>(topic: string): AsyncIterableIterator<T> {
    return this.pubsub.asyncIterableIterator<T>(this.prefix + topic);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pubsub.close();
  }
}
