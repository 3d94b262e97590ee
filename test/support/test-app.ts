import { INestApplicationContext, ModuleMetadata } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApiApp, createApiAdapter } from '../../apps/api/src/configure-api-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { prepareWorkerDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  /** http://127.0.0.1:<random port> */
  url: string;
  close(): Promise<void>;
}

/** The real ApiModule with main.ts's HTTP stack, listening on a random port. */
export async function createTestApp(extra: Pick<ModuleMetadata, 'imports'> = {}): Promise<TestApp> {
  await prepareWorkerDatabase();
  const moduleRef = await Test.createTestingModule({
    imports: [ApiModule, ...(extra.imports ?? [])],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createApiAdapter(), {
    bodyParser: false,
    bufferLogs: true,
  });
  configureApiApp(app);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, http: request(app.getHttpServer()), url, close: () => app.close() };
}

/** The real WorkerModule in this process (the process-level behaviour has its own test). */
export async function createTestWorker(): Promise<INestApplicationContext> {
  await prepareWorkerDatabase();
  const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  await worker.init();
  return worker;
}
