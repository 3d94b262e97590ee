import { gql } from '../support/graphql';
import { createTestApp, TestApp } from '../support/test-app';

// What production gets by default (NODE_ENV=production switches both off when unset).
describe('GraphQL introspection and field suggestions switched off', () => {
  let t: TestApp;
  beforeAll(async () => {
    process.env.GRAPHQL_INTROSPECTION = 'false';
    process.env.GRAPHQL_FIELD_SUGGESTIONS = 'false';
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
    delete process.env.GRAPHQL_INTROSPECTION;
    delete process.env.GRAPHQL_FIELD_SUGGESTIONS;
  });

  it('refuses introspection as a 400', async () => {
    const res = await gql(t.http, '{ __schema { types { name } } }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions.code).toBe('VALIDATION_FAILED');
  });

  it('does not suggest field names', async () => {
    const res = await gql(t.http, '{ allPost { id } }');
    expect(res.errors?.[0].message).toBe('Cannot query field "allPost" on type "Query".');
  });
});
