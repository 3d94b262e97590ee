import { Module } from '@nestjs/common';
import { FeedEvents } from './feed-events';
import { FeedSettings } from './feed-settings';
import { FeedProducer } from './feed.producer';
import { FeedService } from './feed.service';
import { TimelineStore } from './timeline-store';
import { TimelinesService } from './timelines.service';

/** Timelines in Redis, the feed read path, its jobs' producer and the worker-side writers. */
@Module({
  providers: [FeedSettings, TimelineStore, FeedEvents, FeedProducer, FeedService, TimelinesService],
  exports: [FeedSettings, FeedEvents, FeedProducer, FeedService, TimelinesService, TimelineStore],
})
export class FeedModule {}
