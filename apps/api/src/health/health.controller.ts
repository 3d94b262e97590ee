import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { ReadinessService, SystemPingService } from '@nexus/core';
import type { FastifyReply } from 'fastify';
import { Public } from '@nexus/auth';

/** Probes for orchestrators: liveness (process), readiness (dependencies), worker round trip. */
@ApiTags('health')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly readiness: ReadinessService,
    private readonly ping: SystemPingService,
  ) {}

  /** The process is up and the event loop answers. */
  @Get('live')
  live() {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  /** PostgreSQL, Redis and the queue connection; 503 when any is down. */
  @Get('ready')
  @ApiOkResponse({ description: 'All dependencies are up' })
  @ApiServiceUnavailableResponse({ description: 'At least one dependency is down' })
  async ready(@Res({ passthrough: true }) res: FastifyReply) {
    const report = await this.readiness.check();
    if (report.status !== 'ok') void res.code(HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }

  /** Enqueues a ping on the `system` queue and waits (≤ 5 s) for a worker to answer. */
  @Get('worker')
  @ApiServiceUnavailableResponse({ description: 'No worker answered within 5 seconds' })
  async worker(@Res({ passthrough: true }) res: FastifyReply) {
    try {
      const result = await this.ping.roundTrip(5000);
      return { status: 'ok', processedBy: result.processedBy, roundTripMs: result.roundTripMs };
    } catch (err) {
      void res.code(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'error', error: (err as Error).message.slice(0, 200) };
    }
  }
}
