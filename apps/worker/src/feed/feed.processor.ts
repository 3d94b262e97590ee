import { Processor, WorkerHost } from '@nestjs/bullmq';
import { QUEUES } from '@nexus/core';
import {
  FanoutJobData,
  FEED_JOBS,
  FeedJobData,
  RebuildJobData,
  RetractJobData,
  TimelineAuthorJobData,
  TimelinesService,
} from '@nexus/feed';
import { Job } from 'bullmq';

/*
 * Timeline jobs. A worker killed mid-fan-out loses its lock within 10 s and the job is picked up
 * again (stall check every 5 s) from its last checkpoint; pushes are idempotent set adds.
 */
@Processor(QUEUES.feed, { concurrency: 4, lockDuration: 10_000, stalledInterval: 5_000 })
export class FeedProcessor extends WorkerHost {
  constructor(private readonly timelines: TimelinesService) {
    super();
  }

  async process(job: Job<FeedJobData>): Promise<unknown> {
    switch (job.name) {
      case FEED_JOBS.fanout: {
        const data = job.data as FanoutJobData;
        return this.timelines.fanout(data, (afterSeq) => job.updateData({ ...data, afterSeq }));
      }
      case FEED_JOBS.retract: {
        const data = job.data as RetractJobData;
        return this.timelines.retract(data, (afterSeq) => job.updateData({ ...data, afterSeq }));
      }
      case FEED_JOBS.backfill: {
        const { userId, authorId } = job.data as TimelineAuthorJobData;
        return this.timelines.backfill(userId, authorId);
      }
      case FEED_JOBS.purge: {
        const { userId, authorId } = job.data as TimelineAuthorJobData;
        return this.timelines.purge(userId, authorId);
      }
      case FEED_JOBS.rebuild:
        return { built: await this.timelines.rebuild((job.data as RebuildJobData).userId) };
      default:
        throw new Error(`Unknown feed job ${job.name}`);
    }
  }
}
