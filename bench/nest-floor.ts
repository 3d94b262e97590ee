// The floor's work (bench/floor-work.ts) served through NestJS 11 + Fastify, the API's own
// framework, with nothing else: one controller, no guards, pipes, interceptors, request log,
// metrics or request context. `npm run bench -- --nest-floor` measures it beside the API, so
// each run shows how much of the gap to the bare floor the framework alone takes.
import 'reflect-metadata';
import { All, Controller, Get, Module, Req, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { floorAnswer, floorFailure } from './floor-work';

@Controller()
class NestFloorController {
  @Get('ready')
  ready() {
    return { ok: true };
  }

  @All(':scenario/*')
  async answer(
    @Req() request: FastifyRequest<{ Params: { scenario: string } }>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const key = request.params.scenario;
    const { status, body } = await floorAnswer(
      key,
      request.url.slice(key.length + 1),
      (request.body as Record<string, unknown> | undefined) ?? null,
      request.headers.authorization,
    ).catch(floorFailure);
    void reply.status(status);
    return body;
  }
}

@Module({ controllers: [NestFloorController] })
class NestFloorModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(
    NestFloorModule,
    new FastifyAdapter({ skipMiddie: true }),
    { logger: ['error'] },
  );
  await app.listen(Number(process.env.FLOOR_PORT), '127.0.0.1');
}

void main();

// Exit normally on stop, so that `--cpu-prof` (BENCH_CPU_PROF=1) writes its profile.
process.on('SIGTERM', () => process.exit(0));
