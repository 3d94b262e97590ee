import { Module } from '@nestjs/common';
import { CoreModule } from '@nexus/core';
import { SystemProcessor } from './system/system.processor';

/** BullMQ processors only: no HTTP. Each processor parses its job and calls a domain service. */
@Module({
  imports: [CoreModule],
  providers: [SystemProcessor],
})
export class WorkerModule {}
