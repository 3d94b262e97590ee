import type { FastifyInstance, RouteOptions } from 'fastify';
import type { OpenAPIObject } from '@nestjs/swagger';

const SHARED_ID = 'openapi';

type Schema = Record<string, unknown>;

/**
 * REST bodies are written by serializers compiled from the OpenAPI document (fast-json-stringify,
 * Fastify's own): a 20-post page in ~20 µs instead of JSON.stringify's ~58 µs, and a body can only
 * carry what the document describes. Must run before the routes are registered (app.init()).
 *
 * Lenient where it matters: `required` is dropped, so a field the document promises but a handler
 * leaves out is omitted (as JSON.stringify would) instead of failing the response.
 */
export function serializeResponsesByDocument(fastify: FastifyInstance, document: OpenAPIObject) {
  fastify.addSchema({
    $id: SHARED_ID,
    components: { schemas: withoutRequired(document.components?.schemas ?? {}) },
  });
  fastify.addHook('onRoute', (route: RouteOptions) => {
    if (route.schema?.response) return;
    const response = responseSchemasOf(document, route);
    if (response) route.schema = { ...route.schema, response };
  });
}

/** `{ status: schema }` for the operation's JSON 2xx bodies described by a component schema. */
function responseSchemasOf(document: OpenAPIObject, route: RouteOptions): Schema | undefined {
  const method = typeof route.method === 'string' ? route.method.toLowerCase() : undefined;
  const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
  const operation = method
    ? (document.paths[path] as Record<string, unknown> | undefined)?.[method]
    : undefined;
  const responses = (operation as { responses?: Record<string, unknown> } | undefined)?.responses;
  if (!responses) return undefined;
  const byStatus: Schema = {};
  for (const [status, response] of Object.entries(responses)) {
    const ref = (
      response as { content?: Record<string, { schema?: { $ref?: string } }> } | undefined
    )?.content?.['application/json']?.schema?.$ref;
    if (status.startsWith('2') && ref?.startsWith('#/'))
      byStatus[status] = { $ref: SHARED_ID + ref };
  }
  return Object.keys(byStatus).length ? byStatus : undefined;
}

function withoutRequired<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutRequired) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Schema = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'required' && Array.isArray(child)) continue;
    copy[key] = withoutRequired(child);
  }
  return copy as T;
}
