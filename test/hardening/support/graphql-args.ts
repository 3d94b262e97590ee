import {
  GraphQLField,
  GraphQLInputType,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';
import { Fixture } from './fixtures';

/** A path to a String/ID leaf inside one argument, e.g. ['input', 'options', 0]. */
export type LeafPath = (string | number)[];

/** A valid-looking value for an input type, by field name; collects the text leaves it made. */
export function sampleInput(
  type: GraphQLInputType,
  name: string,
  fixture: Fixture,
  path: LeafPath,
  leaves: LeafPath[],
): unknown {
  if (isNonNullType(type)) return sampleInput(type.ofType, name, fixture, path, leaves);
  if (isListType(type)) {
    const inner = type.ofType as GraphQLInputType;
    if (/option/i.test(name) && getNamedType(inner).name === 'ID') return [fixture.option];
    return [0, 1].map((i) => sampleInput(inner, `${name}${i}`, fixture, [...path, i], leaves));
  }
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) || getNamedType(f.type).name === 'String')
        .map((f) => [f.name, sampleInput(f.type, f.name, fixture, [...path, f.name], leaves)]),
    );
  }
  if (isEnumType(type)) return type.getValues()[0].value;
  switch (type.name) {
    case 'ID':
      if (/post/i.test(name)) return fixture.post;
      if (/poll/i.test(name)) return fixture.poll;
      if (/comment/i.test(name)) return fixture.comment;
      return '1';
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTime':
      return new Date(Date.now() + 86_400_000).toISOString();
    default:
      leaves.push(path);
      if (/email/i.test(name)) return `g${Math.random().toString(36).slice(2, 10)}@example.test`;
      if (/username/i.test(name)) return `g${Math.random().toString(36).slice(2, 12)}`;
      if (/password/i.test(name)) return 'long-enough-password';
      if (/url/i.test(name)) return 'https://example.test/a.png';
      return `text ${name}`;
  }
}

/** `mutation($a: T!) { field(a: $a) { __typename } }` for any mutation of the schema. */
export function mutationDocument(field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `mutation${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

export function setAt(root: Record<string, unknown>, path: LeafPath, value: unknown) {
  const copy = structuredClone(root);
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}
