import { getQueueToken } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { ALL_QUEUES } from './queue-names';

/** Every registered BullMQ Queue instance, in ALL_QUEUES order. */
export function allQueues(moduleRef: ModuleRef): Queue[] {
  return ALL_QUEUES.map((name) => moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
}
