import type { FastifyReply, FastifyRequest } from 'fastify';
import { Metrics } from './metrics';

type Observer = { observe(seconds: number): void };

/**
 * Times every HTTP request from Fastify's onResponse hook, labelled by route template (not raw
 * URL) to keep cardinality low; a request no route matched is `unmatched`. The labelled child is
 * looked up once per (method, route, status) and reused.
 */
export function httpMetricsHook(metrics: Metrics) {
  const observers = new Map<string, Observer>();
  return (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    const route = request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
    const status = reply.statusCode;
    const key = `${request.method} ${status} ${route}`;
    let observer = observers.get(key);
    if (!observer) {
      observer = metrics.httpDuration.labels(request.method, route, String(status));
      observers.set(key, observer);
    }
    observer.observe(reply.elapsedTime / 1000);
    done();
  };
}
