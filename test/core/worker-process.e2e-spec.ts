import { SystemPingService } from '@nexus/core';
import { spawnApp, waitForExit, waitForOutput } from '../support/spawn-app';
import { createTestApp, TestApp } from '../support/test-app';

describe('worker process', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers the API round trip, then drains an in-flight job on SIGTERM and exits 0', async () => {
    const worker = spawnApp('worker');
    try {
      await waitForOutput(worker, /Worker ready/);

      // "ready" is logged before BullMQ's blocking connection is up: allow a few pings.
      let ping = await t.http.get('/health/worker');
      for (let i = 0; i < 3 && ping.status !== 200; i++) ping = await t.http.get('/health/worker');
      expect(ping.status).toBe(200);
      expect(ping.body.processedBy).toMatch(new RegExp(`:${worker.pid}$`));

      const slow = t.app.get(SystemPingService).roundTrip(10_000, 1500);
      await waitForOutput(worker, /"msg":"Worker ready/); // still alive
      await new Promise((r) => setTimeout(r, 300)); // let the worker pick the job up
      worker.kill('SIGTERM');
      const [result, code] = await Promise.all([slow, waitForExit(worker)]);
      expect(result.pong).toBe(true);
      expect(result.processedAt - result.sentAt).toBeGreaterThanOrEqual(1500);
      expect(code).toBe(0);
      expect(worker.output()).toContain('SIGTERM received, draining');
    } finally {
      if (worker.exitCode === null) worker.kill('SIGKILL');
    }
  });

  it('answers 503 when no worker is there to answer', async () => {
    const res = await t.http.get('/health/worker');
    expect(res.status).toBe(503);
    expect(res.body.status).toBe('error');
  }, 15_000);
});

describe('start-up failures', () => {
  it('exits non-zero with one clear line when Redis is unreachable', async () => {
    const api = spawnApp('api', { REDIS_URL: 'redis://127.0.0.1:1', PORT: '0' });
    const code = await waitForExit(api);
    expect(code).not.toBe(0);
    expect(api.output()).toMatch(/"level":"fatal".*Cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
  });

  it('exits non-zero naming a bad variable', async () => {
    const api = spawnApp('api', { PORT: 'eighty' });
    const code = await waitForExit(api);
    expect(code).toBe(1);
    expect(api.output()).toMatch(/Invalid environment: PORT must/);
  });
});
