import { buildSchema, GraphQLField, GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The generated suites read the committed contract, so a new route or mutation is covered (or,
// for the authorization matrix, fails for want of a row) without editing the suites.
const ROOT = join(__dirname, '../../..');

export interface JsonSchema {
  type?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  $ref?: string;
}

export interface RestRoute {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** OpenAPI form: /api/posts/{id} */
  path: string;
  pathParams: string[];
  queryParams: string[];
  body?: JsonSchema;
  secured: boolean;
}

interface OpenApi {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonSchema> };
}
interface OpenApiOperation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
}

const openApi = JSON.parse(readFileSync(join(ROOT, 'openapi.json'), 'utf8')) as OpenApi;

export function resolveSchema(schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema?.$ref) return schema;
  return openApi.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
}

export function restRoutes(): RestRoute[] {
  return Object.entries(openApi.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method as RestRoute['method'],
      path,
      pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      body: resolveSchema(op.requestBody?.content?.['application/json']?.schema),
      secured: (op.security ?? []).length > 0,
    })),
  );
}

export const routeKey = (r: Pick<RestRoute, 'method' | 'path'>) =>
  `${r.method.toUpperCase()} ${r.path}`;

let schema: GraphQLSchema | undefined;
export function graphqlSchema(): GraphQLSchema {
  schema ??= buildSchema(readFileSync(join(ROOT, 'schema.gql'), 'utf8'));
  return schema;
}

export function mutations(): GraphQLField<unknown, unknown>[] {
  return Object.values(graphqlSchema().getMutationType()?.getFields() ?? {});
}

/** Runs `work` over `items` with at most `limit` in flight (2-core CI: keep it small). */
export async function inPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}
