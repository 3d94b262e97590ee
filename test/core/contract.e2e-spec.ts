import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument } from '../../apps/api/src/swagger/openapi-document';
import { createTestApp, TestApp } from '../support/test-app';

const ROOT = path.resolve(__dirname, '../..');
const UPDATE = process.env.UPDATE_CONTRACT === '1';

function checkFile(file: string, actual: string) {
  const target = path.join(ROOT, file);
  if (UPDATE) writeFileSync(target, actual);
  const committed = readFileSync(target, 'utf8');
  // On failure: run `npm run contract:update` and commit the result.
  expect(committed).toEqual(actual);
}

describe('committed API contract (run `npm run contract:update` after changing it)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('schema.gql matches the code-first schema', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    checkFile('schema.gql', `${printSchema(lexicographicSortSchema(schema))}\n`);
  });

  it('openapi.json matches the generated OpenAPI document', () => {
    checkFile('openapi.json', `${JSON.stringify(buildOpenApiDocument(t.app), null, 2)}\n`);
  });
});
