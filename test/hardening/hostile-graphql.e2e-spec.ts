import { createUser, TestUser } from '../support/factory';
import { createTestApp, TestApp } from '../support/test-app';
import { inPool, mutations } from './support/contract';
import { createFixture, Fixture } from './support/fixtures';
import { LeafPath, mutationDocument, sampleInput, setAt } from './support/graphql-args';
import { HOSTILE_STRINGS, LEAK, WRONG_TYPES } from './support/hostile-values';

describe('hostile input over GraphQL (generated from schema.gql mutations)', () => {
  let t: TestApp;
  let user: TestUser;
  let fixture: Fixture;
  beforeAll(async () => {
    t = await createTestApp();
    user = await createUser(t.app);
    fixture = await createFixture(t.app, user);
  });
  afterAll(() => t.close());

  const fields = mutations();

  it.each(fields.map((f) => [f.name, f] as const))(
    '%s: never a 5xx or a leak, for every text argument',
    async (_name, field) => {
      const leaves: LeafPath[] = [];
      const base = Object.fromEntries(
        field.args.map((a) => [a.name, sampleInput(a.type, a.name, fixture, [a.name], leaves)]),
      );
      const variants: { label: string; variables: Record<string, unknown> }[] = [
        { label: 'valid', variables: base },
      ];
      leaves.forEach((leaf, i) => {
        for (const [name, value] of Object.entries(HOSTILE_STRINGS)) {
          if (name === 'huge' && i > 0) continue;
          variants.push({
            label: `${leaf.join('.')}=${name}`,
            variables: setAt(base, leaf, value),
          });
        }
      });
      field.args.forEach((arg, i) => {
        for (const wrong of [WRONG_TYPES[i % WRONG_TYPES.length], WRONG_TYPES[(i + 4) % 8]]) {
          variants.push({
            label: `${arg.name}=${JSON.stringify(wrong)}`,
            variables: { ...base, [arg.name]: wrong },
          });
        }
        variants.push({
          label: `${arg.name}.__proto__`,
          variables: { ...base, [arg.name]: JSON.parse('{"__proto__":{"role":"admin"}}') },
        });
      });
      const query = mutationDocument(field);
      const failures: string[] = [];
      await inPool(variants, 4, async ({ label, variables }) => {
        const res = await t.http
          .post('/graphql')
          .auth(user.token, { type: 'bearer' })
          .send({ query, variables });
        const errors = (res.body?.errors ?? []) as {
          extensions?: { statusCode?: number; code?: string };
        }[];
        const problem =
          res.status >= 500
            ? `HTTP ${res.status}`
            : errors.some((e) => (e.extensions?.statusCode ?? 500) >= 500)
              ? `error ${JSON.stringify(errors).slice(0, 200)}`
              : LEAK.test(res.text)
                ? `leak ${res.text.slice(0, 200)}`
                : undefined;
        if (problem) failures.push(`${label}: ${problem}`);
      });
      expect(failures).toEqual([]);
    },
  );

  it('stays healthy afterwards', async () => {
    expect((await t.http.get('/health/ready')).status).toBe(200);
  });
});
