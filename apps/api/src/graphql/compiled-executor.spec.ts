import {
  buildSchema,
  DocumentNode,
  execute,
  ExecutionResult,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  parse,
} from 'graphql';
import { CompiledExecutor } from './compiled-executor';

jest.mock('graphql-jit', () => {
  const actual = jest.requireActual<typeof import('graphql-jit')>('graphql-jit');
  return { ...actual, compileQuery: jest.fn(actual.compileQuery) };
});
const { compileQuery } = jest.requireMock<{ compileQuery: jest.Mock }>('graphql-jit');

interface Row {
  id: string;
  at: Date;
  tags: string[];
  broken?: boolean;
}
const ROWS: Row[] = [
  { id: '1', at: new Date('2026-01-02T03:04:05.678Z'), tags: ['a'] },
  { id: '2', at: new Date('2026-02-03T04:05:06.789Z'), tags: [], broken: true },
  { id: '3', at: new Date('2026-03-04T05:06:07.890Z'), tags: ['b', 'c'] },
];

function testSchema(): GraphQLSchema {
  const schema = buildSchema(`
    scalar Stamp
    type Item { id: ID! at: Stamp! tags: [String!]! label(prefix: String = "#"): String!
                risky: String  strict: String! }
    type Query { items(first: Int!): [Item!]! item(id: ID!): Item slow: [Item!]! }
  `);
  const stamp = schema.getType('Stamp') as GraphQLScalarType;
  stamp.serialize = (value) => (value as Date).toISOString();
  const query = (schema.getType('Query') as GraphQLObjectType).getFields();
  query.items.resolve = (_p, args: { first: number }) => ROWS.slice(0, args.first);
  query.item.resolve = (_p, args: { id: string }) => ROWS.find((r) => r.id === args.id) ?? null;
  query.slow.resolve = () => new Promise((resolve) => setImmediate(() => resolve(ROWS)));
  const item = (schema.getType('Item') as GraphQLObjectType).getFields();
  item.label.resolve = (row: Row, args: { prefix: string }) => `${args.prefix}${row.id}`;
  item.risky.resolve = (row: Row) => {
    if (row.broken) throw new Error(`row ${row.id} is broken`);
    return 'fine';
  };
  item.strict.resolve = (row: Row) => (row.broken ? null : 'there');
  return schema;
}

const plain = (result: ExecutionResult) => JSON.parse(JSON.stringify(result)) as unknown;

describe('CompiledExecutor', () => {
  const schema = testSchema();
  const run = async (
    executor: CompiledExecutor,
    document: DocumentNode,
    variables?: Record<string, unknown>,
    operationName: string | null = null,
  ) => plain(await executor.execute(document, operationName, {}, variables));
  const interpreted = async (
    document: DocumentNode,
    variables?: Record<string, unknown>,
    operationName?: string,
  ) => plain(await execute({ schema, document, variableValues: variables, operationName }));

  beforeEach(() => compileQuery.mockClear());

  it.each([
    [
      'lists, arguments, defaults and a custom scalar',
      '{ items(first: 3) { id at tags label label2: label(prefix: "@") } }',
    ],
    ['a resolver error: message, path, null in place', '{ items(first: 3) { id risky } }'],
    ['a non-null violation nulls the nearest nullable parent', '{ item(id: "2") { id strict } }'],
    ['a non-null violation inside a non-null list reaches data', '{ items(first: 3) { strict } }'],
    ['promises from resolvers', '{ slow { id at } }'],
  ])('answers as graphql-js does: %s', async (_what, source) => {
    const document = parse(source);
    const executor = new CompiledExecutor(schema, 1);
    const compiled = await run(executor, document);
    expect(compileQuery).toHaveBeenCalledTimes(1);
    expect(compiled).toEqual(await interpreted(document));
    expect(compiled).toHaveProperty('data');
  });

  it('compiles a document on its n-th use, once, and never when n is 0', async () => {
    const document = parse('query One($id: ID!) { item(id: $id) { id label } }');
    const executor = new CompiledExecutor(schema, 3);
    for (const id of ['1', '3', '1', '3', '1']) {
      expect(await run(executor, document, { id })).toEqual(await interpreted(document, { id }));
    }
    expect(compileQuery).toHaveBeenCalledTimes(1);

    compileQuery.mockClear();
    const never = new CompiledExecutor(schema, 0);
    for (let i = 0; i < 5; i++) await run(never, document, { id: '1' });
    expect(compileQuery).not.toHaveBeenCalled();
  });

  it("keeps graphql-js's wording when a compiled plan refuses the variables", async () => {
    const document = parse('query One($id: ID!, $first: Int!) { items(first: $first) { id } }');
    const executor = new CompiledExecutor(schema, 1);
    await run(executor, document, { id: '1', first: 1 });
    expect(compileQuery).toHaveBeenCalledTimes(1);
    for (const variables of [{ first: 1 }, { id: '1', first: 'many' }, { id: {}, first: 2 }]) {
      const answer = await run(executor, document, variables);
      expect(answer).toEqual(await interpreted(document, variables));
      expect(answer).not.toHaveProperty('data');
    }
  });

  it('keeps a document graphql-jit refuses on graphql-js without compiling it again', async () => {
    const document = parse('{ items(first: 2) { id label } }');
    const executor = new CompiledExecutor(schema, 1);
    compileQuery.mockReturnValueOnce({ errors: [new Error('cannot compile')] });
    for (let i = 0; i < 3; i++) {
      expect(await run(executor, document)).toEqual(await interpreted(document));
    }
    expect(compileQuery).toHaveBeenCalledTimes(1);
  });

  it('compiles each operation of a document under its own name', async () => {
    const document = parse('query A { items(first: 1) { id } } query B { item(id: "3") { id } }');
    const executor = new CompiledExecutor(schema, 1);
    expect(await run(executor, document, undefined, 'A')).toEqual(
      await interpreted(document, undefined, 'A'),
    );
    expect(await run(executor, document, undefined, 'B')).toEqual(
      await interpreted(document, undefined, 'B'),
    );
    await run(executor, document, undefined, 'A');
    expect(compileQuery).toHaveBeenCalledTimes(2);
  });

  describe('documents differing only in literal arguments', () => {
    const sameAsGraphqlJs = async (executor: CompiledExecutor, source: string) => {
      const document = parse(source);
      const answer = await run(executor, document);
      expect(answer).toEqual(await interpreted(document));
      return answer;
    };

    it("share one plan that reads each document's own values", async () => {
      const executor = new CompiledExecutor(schema, 1);
      const one = await sameAsGraphqlJs(executor, '{ items(first: 1) { id label(prefix: "<") } }');
      const three = await sameAsGraphqlJs(
        executor,
        '{ items(first: 3) { id label(prefix: ">") } }',
      );
      expect(one).toEqual({ data: { items: [{ id: '1', label: '<1' }] } });
      expect(three).toHaveProperty('data.items.2.label', '>3');
      await sameAsGraphqlJs(executor, '{ item(id: "2") { id strict } }');
      await sameAsGraphqlJs(executor, '{ item(id: "3") { id strict } }');
      expect(compileQuery).toHaveBeenCalledTimes(2);
    });

    it('count their uses together towards the n-th', async () => {
      const executor = new CompiledExecutor(schema, 3);
      for (const id of ['1', '2', '3', '1']) {
        await sameAsGraphqlJs(executor, `{ item(id: "${id}") { id label } }`);
      }
      expect(compileQuery).toHaveBeenCalledTimes(1);
    });

    it('get a plan per literal length, so error locations stay right', async () => {
      const executor = new CompiledExecutor(schema, 1);
      const near = await sameAsGraphqlJs(executor, '{ items(first: 3) { id risky } }');
      const far = await sameAsGraphqlJs(executor, '{ items(first: 30) { id risky } }');
      expect(near).toHaveProperty('errors.0.locations', [{ line: 1, column: 24 }]);
      expect(far).toHaveProperty('errors.0.locations', [{ line: 1, column: 25 }]);
      expect(compileQuery).toHaveBeenCalledTimes(2);
    });

    it("mix with the client's own variables", async () => {
      const executor = new CompiledExecutor(schema, 1);
      const source = 'query Q($id: ID!) { item(id: $id) { id label(prefix: "#!") } }';
      for (const id of ['1', '3']) {
        const document = parse(source);
        expect(await run(executor, document, { id })).toEqual(await interpreted(document, { id }));
      }
      expect(compileQuery).toHaveBeenCalledTimes(1);
    });

    it('keep their own plan when they define a __literal variable or use block strings', async () => {
      const executor = new CompiledExecutor(schema, 1);
      const own = parse(
        'query Q($__literal0: Int!) { items(first: $__literal0) { id } a: item(id: "1") { id } }',
      );
      expect(await run(executor, own, { __literal0: 2 })).toEqual(
        await interpreted(own, { __literal0: 2 }),
      );
      await sameAsGraphqlJs(executor, '{ items(first: 1) { label(prefix: """x""") } }');
      await sameAsGraphqlJs(executor, '{ items(first: 1) { label(prefix: """y""") } }');
      expect(compileQuery).toHaveBeenCalledTimes(3);
    });
  });
});
