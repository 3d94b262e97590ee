import { Processor, WorkerHost } from '@nestjs/bullmq';
import { QUEUES, SYSTEM_PING_JOB, SystemPingData, SystemPingResult } from '@nexus/core';
import { Job, UnrecoverableError } from 'bullmq';
import { workerOptions } from '../runtime/worker-options';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

const MAX_HOLD_MS = 10_000;

/** Answers the API's round-trip ping; `holdMs` lets ops and tests watch a drain on SIGTERM. */
@Processor(QUEUES.system, workerOptions())
export class SystemProcessor extends WorkerHost {
  async process(job: Job<SystemPingData>): Promise<SystemPingResult> {
    if (job.name !== SYSTEM_PING_JOB)
      throw new UnrecoverableError(`Unknown system job ${job.name}`);
    const hold = Math.min(Math.max(job.data.holdMs ?? 0, 0), MAX_HOLD_MS);
    if (hold > 0) await sleep(hold);
    return {
      pong: true,
      processedBy: `${hostname()}:${process.pid}`,
      sentAt: job.data.sentAt,
      processedAt: Date.now(),
    };
  }
}
