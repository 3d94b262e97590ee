import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Environment, Metrics, ReadinessService } from '@nexus/core';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * The worker's only HTTP: `/health/live`, `/health/ready` (PostgreSQL, Redis) and `/metrics`
 * on WORKER_HTTP_PORT when it is set (0 = off). node:http, not Nest's HTTP stack: three routes.
 */
@Injectable()
export class WorkerHttpServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkerHttp');
  private server?: Server;

  constructor(
    private readonly env: Environment,
    private readonly readiness: ReadinessService,
    private readonly metrics: Metrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.WORKER_HTTP_PORT) return;
    const server = createServer((req, res) => {
      this.route(req, res).catch(() => this.send(res, 500, { status: 'error' }));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.env.WORKER_HTTP_PORT, () => resolve());
    });
    this.server = server;
    this.logger.log(`Health and metrics on port ${this.env.WORKER_HTTP_PORT}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET') return this.send(res, 405, { status: 'error', error: 'GET only' });
    if (path === '/health/live') {
      return this.send(res, 200, { status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
    }
    if (path === '/health/ready') {
      const report = await this.readiness.check();
      return this.send(res, report.status === 'ok' ? 200 : 503, report);
    }
    if (path === '/metrics') {
      res.writeHead(200, { 'content-type': this.metrics.registry.contentType });
      res.end(await this.metrics.registry.metrics());
      return;
    }
    this.send(res, 404, { status: 'error', error: 'not found' });
  }

  private send(res: ServerResponse, status: number, body: object): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}
