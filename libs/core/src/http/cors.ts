import type { FastifyReply, FastifyRequest } from 'fastify';

/** CORS_ORIGINS parsed: `none` → no CORS headers at all, `*` (alone or listed) → any origin. */
export interface CorsPolicy {
  anyOrigin: boolean;
  origins: ReadonlySet<string>;
  exposedHeaders: string;
}

const ALLOWED_METHODS = 'GET,HEAD,PUT,PATCH,POST,DELETE';

export function corsPolicy(setting: string, exposedHeaders: string[]): CorsPolicy | undefined {
  if (setting.trim() === 'none') return undefined;
  const origins = setting.split(',').map((o) => o.trim());
  return {
    anyOrigin: origins.includes('*'),
    origins: new Set(origins),
    exposedHeaders: exposedHeaders.join(','),
  };
}

/**
 * What the `cors` package did on Express with `{ origin: true | string[], exposedHeaders }`:
 * an allowed Origin is reflected, `Vary: Origin` always; a preflight (any OPTIONS request) is
 * answered here with 204, the default methods and the requested headers reflected. Returns true
 * when it answered, so nothing else runs for that request.
 */
export function applyCors(
  policy: CorsPolicy,
  request: FastifyRequest,
  reply: FastifyReply,
): boolean {
  const origin = request.headers.origin;
  if (origin && (policy.anyOrigin || policy.origins.has(origin))) {
    reply.header('access-control-allow-origin', origin);
  }
  if (request.method !== 'OPTIONS') {
    reply.header('vary', 'Origin');
    reply.header('access-control-expose-headers', policy.exposedHeaders);
    return false;
  }
  reply.header('vary', 'Origin, Access-Control-Request-Headers');
  reply.header('access-control-allow-methods', ALLOWED_METHODS);
  const requested = request.headers['access-control-request-headers'];
  if (requested) reply.header('access-control-allow-headers', requested);
  reply.header('access-control-expose-headers', policy.exposedHeaders);
  reply.header('content-length', '0');
  reply.code(204).send();
  return true;
}
