import { REDIS } from '@nexus/core';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { gql } from '../support/graphql';
import { createTestApp, TestApp } from '../support/test-app';

describe('health and metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports liveness without touching dependencies', async () => {
    const res = await t.http.get('/health/live');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
  });

  it('reports each dependency as up when ready', async () => {
    const res = await t.http.get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      checks: { database: { status: 'up' }, redis: { status: 'up' }, queue: { status: 'up' } },
    });
  });

  it('exposes HTTP and GraphQL duration histograms and queue depth gauges', async () => {
    await gql(t.http, '{ apiVersion }');
    await t.http.get('/health/live');
    const res = await t.http.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/health\/live",status_code="200"\} \d+/,
    );
    expect(res.text).toMatch(
      /graphql_request_duration_seconds_count\{operation_type="query",operation_name="anonymous",outcome="ok"\} 1/,
    );
    expect(res.text).toMatch(/queue_jobs\{queue="system",state="waiting"\} \d+/);
    expect(res.text).toMatch(/queue_jobs\{queue="polls",state="delayed"\} \d+/);
  });

  it('serves Swagger UI from local assets and the OpenAPI JSON', async () => {
    const html = await t.http.get('/api/docs');
    expect(html.status).toBe(200);
    expect(html.text).toContain('swagger-ui');
    expect(html.text).not.toMatch(/https?:\/\/(cdn|unpkg)/);
    const json = await t.http.get('/api/docs-json');
    expect(json.body.openapi).toMatch(/^3\./);
  });

  // Last: it breaks this app's connections.
  it('answers 503 naming the dependency that is down', async () => {
    t.app.get<Redis>(REDIS).disconnect();
    await t.app.get(DataSource).destroy();
    const res = await t.http.get('/health/ready');
    expect(res.status).toBe(503);
    expect(res.body.status).toBe('error');
    expect(res.body.checks.database.status).toBe('down');
    expect(res.body.checks.redis.status).toBe('down');
    expect(res.body.checks.queue.status).toBe('up');
  });
});
