import { ApolloServer } from '@apollo/server';
import {
  buildSchema,
  GraphQLError,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  Kind,
  parse,
} from 'graphql';
import {
  DocumentValidation,
  shapeOf,
  ShapeCheckedDocumentStore,
} from './shape-checked-document-store';

function testSchema(): GraphQLSchema {
  const schema = buildSchema(`
    scalar Even
    enum Order { NEWEST OLDEST }
    type Item { id: ID! }
    type Query {
      item(id: ID!): Item
      items(first: Int!, order: Order = NEWEST): [Item!]!
      half(n: Even!): Int!
    }
  `);
  // A scalar that refuses some literals of the right kind (odd numbers).
  const even = schema.getType('Even') as GraphQLScalarType;
  even.parseLiteral = (ast) => {
    const n = ast.kind === Kind.INT ? Number(ast.value) : NaN;
    if (n % 2 !== 0) throw new GraphQLError(`Even cannot represent ${n}`);
    return n;
  };
  const query = (schema.getType('Query') as GraphQLObjectType).getFields();
  query.item.resolve = (_p, args: { id: string }) => ({ id: args.id });
  query.items.resolve = (_p, args: { first: number; order: string }) =>
    Array.from({ length: args.first }, (_, i) => ({ id: `${args.order}-${i}` }));
  query.half.resolve = (_p, args: { n: number }) => args.n / 2;
  return schema;
}

describe('ShapeCheckedDocumentStore', () => {
  const schema = testSchema();
  const counts: Record<DocumentValidation, number> = { full: 0, shape: 0 };
  const store = new ShapeCheckedDocumentStore(
    () => schema,
    { maxTokens: 200 },
    (v) => counts[v]++,
  );
  const checked = new ApolloServer({
    schema,
    documentStore: store,
    parseOptions: { maxTokens: 200 },
    plugins: [store.plugin()],
  });
  // The reference: Apollo's own store, every new document fully validated.
  const plain = new ApolloServer({ schema, parseOptions: { maxTokens: 200 } });

  beforeAll(() => Promise.all([checked.start(), plain.start()]));
  afterAll(() => Promise.all([checked.stop(), plain.stop()]));
  beforeEach(() => {
    counts.full = 0;
    counts.shape = 0;
  });

  const run = async (server: ApolloServer, query: string) => {
    const res = await server.executeOperation({ query });
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return { status: res.http.status, result: res.body.singleResult };
  };
  const bothAnswer = async (query: string) => {
    const [ours, reference] = await Promise.all([run(checked, query), run(plain, query)]);
    expect(ours).toEqual(reference);
    return ours;
  };

  it('validates a new document by its literals when its shape passed before', async () => {
    await bothAnswer('{ item(id: "1") { id } }');
    expect(counts).toEqual({ full: 1, shape: 0 });
    const second = await bothAnswer('{ item(id: "2345") { id } }');
    expect(second.result).toEqual({ data: { item: { id: '2345' } } });
    expect(counts).toEqual({ full: 1, shape: 1 });
    // Stored like any other: the same text again is a plain hit.
    await bothAnswer('{ item(id: "2345") { id } }');
    expect(counts).toEqual({ full: 1, shape: 1 });
  });

  it('leaves a literal out of range to the full validation, same errors', async () => {
    await bothAnswer('{ items(first: 1) { id } }');
    const overflow = await bothAnswer('{ items(first: 99999999999) { id } }');
    expect(overflow.status).toBe(400);
    expect(overflow.result.errors?.[0].message).toMatch(/Int cannot represent/);
    expect(counts.shape).toBe(0);
  });

  it('leaves a literal a scalar refuses to the full validation, same errors', async () => {
    await bothAnswer('{ half(n: 4) }');
    const odd = await bothAnswer('{ half(n: 3) }');
    expect(odd.result.errors?.[0].message).toMatch(/Even cannot represent 3/);
    expect(counts.shape).toBe(0);
    expect((await bothAnswer('{ half(n: 10) }')).result).toEqual({ data: { half: 5 } });
    expect(counts.shape).toBe(1);
  });

  it('finds fields of one response name with different literal arguments unmergeable', async () => {
    await bothAnswer('{ a: item(id: "1") { id } a: item(id: "1") { id } }');
    const conflict = await bothAnswer('{ a: item(id: "1") { id } a: item(id: "2") { id } }');
    expect(conflict.result.errors?.[0].message).toMatch(/differing arguments/);
    expect(counts.shape).toBe(0);
  });

  it('fully validates unknown shapes and answers syntax errors as Apollo does', async () => {
    const unknown = await bothAnswer('{ item(id: "1") { id nope } }');
    expect(unknown.status).toBe(400);
    const broken = await bothAnswer('{ item(id: "1") { id }');
    expect(broken.result.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(counts).toEqual({ full: 0, shape: 0 });
  });

  it('keeps names, enum values, booleans and variables in the shape', async () => {
    await bothAnswer('{ items(first: 2, order: OLDEST) { id } }');
    const otherEnum = await bothAnswer('{ items(first: 2, order: NEWEST) { id } }');
    expect(otherEnum.result).toEqual({
      data: { items: [{ id: 'NEWEST-0' }, { id: 'NEWEST-1' }] },
    });
    expect(counts).toEqual({ full: 2, shape: 0 });
  });
});

describe('shapeOf', () => {
  const shape = (query: string) => shapeOf(parse(query));

  it('blanks number and string literals, whatever their text', () => {
    expect(shape('{ f(a: 1, b: "x", c: 1.5) }')).toBe(shape('{ f(a: -12345, b: "", c: 2e9) }'));
    expect(shape('{ f(a: """long\ntext""") }')).toBe(shape('{ f(a: """""") }'));
  });

  it('ignores comments and layout', () => {
    expect(shape('{ f(a: 1) }')).toBe(shape('# note\n{\n  f( a : 2 ) # end\n}'));
  });

  it('tells literal kinds apart and from names', () => {
    expect(shape('{ f(a: 1) }')).not.toBe(shape('{ f(a: "1") }'));
    expect(shape('{ f(a: 1) }')).not.toBe(shape('{ f(a: 1.0) }'));
    expect(shape('{ f(a: "x") }')).not.toBe(shape('{ f(a: String) }'));
    expect(shape('{ f(a: true) }')).not.toBe(shape('{ f(a: false) }'));
    expect(shape('{ f(a: $v) }')).not.toBe(shape('{ f(a: $w) }'));
  });

  it('has no shape without locations', () => {
    expect(shapeOf(parse('{ f }', { noLocation: true }))).toBeUndefined();
  });
});
