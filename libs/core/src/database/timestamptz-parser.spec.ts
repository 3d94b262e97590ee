import { types } from 'pg';
import { parseTimestamptz, StoredDate } from './timestamptz-parser';

const pgDefault = types.getTypeParser(1184, 'text') as (text: string) => Date | string;
const time = (value: Date | string) => (value instanceof Date ? value.getTime() : value);
// What every serializer writes: toISOString (GraphQL's DateTime, fast-json-stringify) and toJSON.
const written = (value: Date | string) =>
  value instanceof Date && !Number.isNaN(value.getTime())
    ? [value.toISOString(), JSON.stringify({ at: value })]
    : value;

describe('parseTimestamptz', () => {
  it.each([
    '2026-12-01 10:23:45.123456+00',
    '2026-12-01 10:23:45+00',
    '2026-12-01 10:23:45.1+00',
    '2026-12-01 10:23:45.12+00',
    '2026-12-01 10:23:45.999999+00',
    '2000-02-29 23:59:59.5+00',
    '1970-01-01 00:00:00+00',
    '0099-01-01 00:00:00+00',
    '0001-01-01 00:00:00+00 BC',
    '2026-12-01 10:23:45.5+05:30',
    '2026-12-01 10:23:45-08',
    'infinity',
    '-infinity',
  ])('reads %s as pg does', (text) => {
    expect(time(parseTimestamptz(text))).toEqual(time(pgDefault(text)));
    expect(written(parseTimestamptz(text))).toEqual(written(pgDefault(text)));
  });

  it('keeps the ISO form of a UTC timestamp, and forgets it once the date is changed', () => {
    const date = parseTimestamptz('2026-12-01 10:23:45.1+00') as Date;
    expect(date).toBeInstanceOf(StoredDate);
    expect(date).toBeInstanceOf(Date);
    expect(date.toISOString()).toBe('2026-12-01T10:23:45.100Z');
    date.setUTCHours(11);
    expect(date.toISOString()).toBe('2026-12-01T11:23:45.100Z');
    expect(JSON.stringify(date)).toBe('"2026-12-01T11:23:45.100Z"');
  });

  it('agrees with pg on 20,000 random UTC timestamps of every fraction length', () => {
    for (let i = 0; i < 20_000; i++) {
      const ms = Math.floor(Math.random() * 8e12) - 2e12; // 1906 to 2223
      const iso = new Date(ms).toISOString(); // 2026-12-01T10:23:45.123Z
      const micros = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
      const fraction = `.${iso.slice(20, 23)}${micros}`.slice(0, 1 + (i % 7));
      const text = `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction === '.' ? '' : fraction}+00`;
      const parsed = parseTimestamptz(text);
      expect(time(parsed)).toEqual(time(pgDefault(text)));
      expect(written(parsed)).toEqual(written(pgDefault(text)));
    }
  });
});
