import type { FastifyReply, FastifyRequest } from 'fastify';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

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

/**
 * Runs the rest of the request (`next`) with its id in the async context, where logs and error
 * bodies read it. Body parsers must resume in this context (see json-body-parser.ts).
 */
export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}
