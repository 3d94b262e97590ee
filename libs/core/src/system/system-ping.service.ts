import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import { QUEUES } from '../queue/queue-names';
import { SYSTEM_PING_JOB, SystemPingData, SystemPingResult } from './system-jobs';

/** Enqueues a ping on the `system` queue and waits for a worker to answer it. */
@Injectable()
export class SystemPingService implements OnApplicationShutdown {
  private events?: QueueEvents;

  constructor(@InjectQueue(QUEUES.system) private readonly queue: Queue) {}

  async roundTrip(
    timeoutMs = 5000,
    holdMs?: number,
  ): Promise<SystemPingResult & { roundTripMs: number }> {
    const events = await this.queueEvents();
    const sentAt = Date.now();
    const job = await this.queue.add(SYSTEM_PING_JOB, { sentAt, holdMs } satisfies SystemPingData, {
      attempts: 1,
      removeOnComplete: true,
      removeOnFail: true,
    });
    const result = (await job.waitUntilFinished(events, timeoutMs)) as SystemPingResult;
    return { ...result, roundTripMs: Date.now() - sentAt };
  }

  private async queueEvents(): Promise<QueueEvents> {
    if (!this.events) {
      this.events = new QueueEvents(this.queue.name, {
        connection: (await this.queue.client).options,
        prefix: this.queue.opts.prefix,
      });
      // Without a listener a closed connection's 'error' event would crash the process.
      this.events.on('error', () => undefined);
      await this.events.waitUntilReady();
    }
    return this.events;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.events?.close();
  }
}
