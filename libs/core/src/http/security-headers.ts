import type { FastifyReply } from 'fastify';
import helmet, { HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The headers helmet sets for `options`, computed once. With static options (no per-request CSP
 * nonces) helmet writes the same headers on every response, so one pass over a recording
 * response gives them all; each request then only copies them (see applySecurityHeaders).
 */
export function securityHeaders(options: HelmetOptions): ReadonlyArray<[string, string]> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  let failure: unknown;
  helmet(options)(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    (err?: unknown) => (failure = err),
  );
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return [...headers];
}

export function applySecurityHeaders(
  reply: FastifyReply,
  headers: ReadonlyArray<[string, string]>,
): void {
  for (let i = 0; i < headers.length; i++) reply.header(headers[i][0], headers[i][1]);
}
