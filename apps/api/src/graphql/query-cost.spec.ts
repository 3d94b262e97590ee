import { buildSchema, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageCostEstimator } from './query-cost';

const cost = (sdl: string, query: string) =>
  getComplexity({ schema: buildSchema(sdl), query: parse(query), estimators: [pageCostEstimator] });

describe('page cost estimator', () => {
  const tree = `type Node { id: ID! children(first: Int = 20): [Node!]! }
                type Query { roots(first: Int = 20): [Node!]! }`;

  it('multiplies children by `first`, defaulting to 20', () => {
    expect(cost(tree, '{ roots { id } }')).toBe(1 + 20 * 1);
    expect(cost(tree, '{ roots(first: 5) { id children(first: 2) { id } } }')).toBe(
      1 + 5 * (1 + (1 + 2 * 1)),
    );
  });

  it('makes `first: 100` nested four levels cost 100^4', () => {
    const query =
      '{ roots(first: 100) { children(first: 100) { children(first: 100) { children(first: 100) { id } } } } }';
    expect(cost(tree, query)).toBeGreaterThan(100 ** 4);
  });

  it('charges nothing for introspection', () => {
    expect(cost(tree, '{ __schema { types { name fields { name } } } }')).toBe(0);
  });

  it("keeps the brief's feed page of 100 with authors under the default limit", () => {
    // feed arrives with the social-graph work; priced against the committed Post type.
    const sdl = readFileSync(join(__dirname, '../../../../schema.gql'), 'utf8');
    const withFeed = sdl.includes('feed(')
      ? sdl
      : `${sdl}\nextend type Query { feed(userId: ID, first: Int = 20, after: String): [Post!]! }`;
    const feed =
      'query { feed(userId: 1, first: 100) { id content author { username } createdAt } }';
    expect(cost(withFeed, feed)).toBeLessThanOrEqual(20_000);
    expect(cost(withFeed, feed.replace(', first: 100', ''))).toBeLessThanOrEqual(20_000);
  });
});
