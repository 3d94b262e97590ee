import { JsonSchema } from './contract';

/** Strings a client may send; each must be refused with a 4xx or stored exactly as sent. */
export const HOSTILE_STRINGS: Record<string, string> = {
  nul: 'bad\u0000text',
  loneHigh: 'bad\uD800text',
  loneLow: '\uDFFFbad',
  rtl: 'abc \u202Efdp.exe\u202C',
  zeroWidth: 'a\u200Bb\u200D\uFEFFc',
  sql: "'; DROP TABLE users; --",
  markup: '<script>alert(1)</script>',
  huge: 'x'.repeat(60_000),
};

/** Wrong JSON types; sampled two per field (rotating) to keep the suite fast. */
export const WRONG_TYPES: unknown[] = [12345, -1.5, true, null, {}, ['x'], { $gt: '' }, 'NaN'];

export const BAD_IDS = [
  '0',
  '-1',
  '1.5',
  'abc',
  '99999999999999999999999999',
  '9223372036854775808',
  '1e3',
  '%00',
  '%F0%9F%98%80',
  '__proto__',
  'constructor',
];

/** Already percent-encoded: `%ED%A0%80` is a lone surrogate in CESU-8, `%FF` no UTF-8 at all. */
export const BAD_QUERY_VALUES = [
  '-1',
  'abc',
  '1e309',
  'bad%00',
  '%ED%A0%80',
  '%FF',
  '__proto__',
  'a&first=b',
];

const deep = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

/** Whole bodies: content type + raw payload. */
export const HOSTILE_BODIES: { name: string; type: string; raw: string | Buffer }[] = [
  { name: 'deep object', type: 'application/json', raw: deep(5000) },
  { name: 'deep array', type: 'application/json', raw: '['.repeat(5000) + ']'.repeat(5000) },
  { name: '__proto__', type: 'application/json', raw: '{"__proto__":{"role":"admin"}}' },
  {
    name: 'constructor',
    type: 'application/json',
    raw: '{"constructor":{"prototype":{"role":"admin"}}}',
  },
  { name: 'array body', type: 'application/json', raw: '[1,2,3]' },
  { name: 'string body', type: 'application/json', raw: '"text"' },
  { name: 'null body', type: 'application/json', raw: 'null' },
  { name: 'malformed', type: 'application/json', raw: '{"a":' },
  { name: 'invalid utf-8', type: 'application/json', raw: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) },
  { name: 'form', type: 'application/x-www-form-urlencoded', raw: 'content=x&a[b][c]=1' },
  {
    name: 'xml',
    type: 'application/xml',
    raw: '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
  },
];

let serial = 0;

/** A plausible valid value for a field, by name and schema (good enough to reach the service). */
export function validValue(
  name: string,
  schema: JsonSchema | undefined,
  extras: Record<string, unknown>,
): unknown {
  if (name in extras) return extras[name];
  const n = ++serial;
  if (schema?.type === 'array') return [validValue(`${name}[0]`, schema.items, extras), `${n} b`];
  if (schema?.type === 'number' || schema?.type === 'integer') return 1;
  if (schema?.type === 'boolean') return false;
  if (/email/i.test(name)) return `h${process.pid}x${n}@example.test`;
  if (/username/i.test(name)) return `h${process.pid}x${n}`.slice(0, 30);
  if (/password/i.test(name)) return 'long-enough-password';
  if (/url/i.test(name)) return 'https://example.test/a.png';
  if (schema?.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
  return `valid text ${n}`;
}

/** Required properties filled with valid values. */
export function validBody(
  schema: JsonSchema | undefined,
  extras: Record<string, unknown>,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const name of schema?.required ?? []) {
    body[name] = validValue(name, schema?.properties?.[name], extras);
  }
  return body;
}

// Stack frames, file paths, SQL, driver names: none may reach a client.
export const LEAK =
  /\bat [\w.<>]+ \(|\/work\/|node_modules|\bSELECT\b|\bINSERT\b|\bUPDATE \w+ SET\b|QueryFailedError|TypeError|RangeError|ECONNREFUSED|password_hash|\bstack\b/;
