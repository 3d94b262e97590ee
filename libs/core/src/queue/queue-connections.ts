import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { allQueues } from './all-queues';

/**
 * A Queue re-emits Redis connection errors as 'error'; with no listener Node throws and the
 * process dies on a Redis blip. Log them instead (readiness reports the outage). Start-up also
 * waits for every queue's connection: a queue closed before it was ready rejects its pending
 * init after close() has removed the listeners, crashing the process the same way.
 */
@Injectable()
export class QueueConnections implements OnModuleInit {
  private readonly logger = new Logger('Queues');

  constructor(private readonly moduleRef: ModuleRef) {}

  async onModuleInit(): Promise<void> {
    const queues = allQueues(this.moduleRef);
    for (const queue of queues) {
      queue.on('error', (err) => this.logger.warn(`Queue ${queue.name}: ${err.message}`));
    }
    await Promise.all(queues.map((queue) => queue.waitUntilReady()));
  }
}
