import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** One Prometheus registry per process, with the request histograms every app shares. */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL operation duration by type, name and outcome',
    labelNames: ['operation_type', 'operation_name', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly graphqlDocuments = new Counter({
    name: 'graphql_documents_validated_total',
    help:
      'New GraphQL documents by how they were validated: full (every rule) or shape (a document ' +
      'of the same shape passed every rule; only the literal rules ran)',
    labelNames: ['validation'] as const,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'queue_job_duration_seconds',
    help: 'BullMQ job processing time (processedOn to finishedOn) by queue, job name and outcome',
    labelNames: ['queue', 'name', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly jobFailures = new Counter({
    name: 'queue_jobs_failed_total',
    help: 'BullMQ jobs that ended in the failed set (retries exhausted or unrecoverable)',
    labelNames: ['queue', 'name'] as const,
    registers: [this.registry],
  });

  readonly jobAttemptFailures = new Counter({
    name: 'queue_job_attempt_failures_total',
    help: 'BullMQ job attempts that threw in this worker (each retry counts)',
    labelNames: ['queue', 'name'] as const,
    registers: [this.registry],
  });

  readonly outboxRelayed = new Counter({
    name: 'outbox_relayed_jobs_total',
    help: 'Jobs the outbox relay delivered to BullMQ (those the writer could not deliver itself)',
    registers: [this.registry],
  });

  readonly rateLimiterFailOpen = new Counter({
    name: 'rate_limiter_fail_open_total',
    help: 'Requests let through unchecked because the rate-limit store (Redis) did not answer',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
