import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// The request id travels with the request object (Fastify's `request.id`, the GraphQL context's
// `req`), not in an AsyncLocalStorage: on Node 20 an enabled AsyncLocalStorage installs promise
// hooks that cost every promise of every request (decision 107).

// Accept a caller's id only if it is short and harmless in logs and headers.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_REQUEST_ID.test(value) ? value : randomUUID();
}

/** Fastify's `genReqId`: `request.id` is the caller's x-request-id when safe, else a UUID. */
export function requestIdOf(req: IncomingMessage): string {
  return requestIdFrom(req.headers['x-request-id']);
}

/** First step of every request: the response carries x-request-id (Fastify set `request.id`). */
export function tagRequest(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('x-request-id', request.id);
}
