import { FieldDef, Query, types } from 'pg';
import TypeOverrides = require('pg/lib/type-overrides');
import { ShapeRememberingQuery } from './shape-remembering-query';

interface ResultSeen {
  fields: FieldDef[];
  _types: object;
  _parsers: unknown[];
  _prebuiltEmptyResultObject: object;
  addFields(fields: FieldDef[]): void;
  parseRow(values: (string | null)[]): Record<string, unknown>;
}

const INT4 = 23;
const TEXT = 25;
const field = (name: string, dataTypeID: number): FieldDef =>
  ({ name, dataTypeID, format: 'text' }) as FieldDef;
// What pg's client does before a query runs: its TypeOverrides become the result's types.
const resultOf = (query: Query, typeRegistry: object): ResultSeen => {
  const result = (query as unknown as { _result: ResultSeen })._result;
  result._types = typeRegistry;
  return result;
};
const described = (name: string, fields: FieldDef[], typeRegistry: object): ResultSeen => {
  const result = resultOf(new ShapeRememberingQuery({ name, text: 'unused' }), typeRegistry);
  result.addFields(fields);
  return result;
};

describe('ShapeRememberingQuery', () => {
  it('builds rows as pg does, reusing a statement shape while its description matches', () => {
    const registry = new TypeOverrides(types);
    const fields = () => [field('id', INT4), field('name', TEXT)];
    const first = described('shape.same', fields(), registry);
    const again = described('shape.same', fields(), registry);
    expect(again._parsers).toBe(first._parsers);
    expect(again._prebuiltEmptyResultObject).toBe(first._prebuiltEmptyResultObject);

    const plain = resultOf(new Query({ text: 'unused' }), registry);
    plain.addFields(fields());
    for (const result of [first, again, plain])
      expect(result.parseRow(['7', 'x'])).toEqual({ id: 7, name: 'x' });
    expect(again.fields).toEqual(plain.fields);
  });

  it('describes the statement anew when names, types or formats differ', () => {
    const registry = new TypeOverrides(types);
    const first = described('shape.changes', [field('n', TEXT)], registry);
    const retyped = described('shape.changes', [field('n', INT4)], registry);
    expect(retyped._parsers).not.toBe(first._parsers);
    expect(retyped.parseRow(['12'])).toEqual({ n: 12 });
    const renamed = described('shape.changes', [field('m', INT4)], registry);
    expect(renamed.parseRow(['12'])).toEqual({ m: 12 });
    const binary = described(
      'shape.changes',
      [{ ...field('m', INT4), format: 'binary' }],
      registry,
    );
    expect(binary._parsers).not.toBe(renamed._parsers);
  });

  it('keeps shapes apart per type registry (each pg client has its own)', () => {
    const own = new TypeOverrides(types);
    own.setTypeParser(INT4, 'text', (v: string) => `int:${v}`);
    const shared = described('shape.registry', [field('n', INT4)], new TypeOverrides(types));
    const custom = described('shape.registry', [field('n', INT4)], own);
    expect(shared.parseRow(['5'])).toEqual({ n: 5 });
    expect(custom.parseRow(['5'])).toEqual({ n: 'int:5' });
  });
});
