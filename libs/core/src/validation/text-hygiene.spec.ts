import { exceedsDepth, findUnstorableText, unstorableReason } from './text-hygiene';

describe('text hygiene', () => {
  it('accepts ordinary, RTL, zero-width and astral text', () => {
    for (const text of ['hello', 'שלום \u202Eevil', 'a\u200Bb', '😀 \uD83D\uDE00', '']) {
      expect(unstorableReason(text)).toBeUndefined();
    }
  });

  it('rejects NUL and unpaired surrogates anywhere in a string', () => {
    for (const text of ['\u0000', 'a\u0000b', '\uD800', 'x\uDC00', '\uDBFFa', 'a\uDFFF']) {
      expect(unstorableReason(text)).toBeDefined();
    }
  });

  it('names each bad field by its dotted path, keys included', () => {
    const errors = findUnstorableText({ a: 'ok', b: { c: ['fine', 'bad\u0000'] }, ['k\uD800']: 1 });
    expect(errors.map((e) => e.field).sort()).toEqual(['b.c.1', 'k\uD800']);
  });

  it('prefixes the argument name', () => {
    expect(findUnstorableText('\u0000', 'content')[0].field).toBe('content');
  });

  it('measures depth without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(exceedsDepth(deep)).toBe(true);
    let ok: unknown = 'x';
    for (let i = 0; i < 32; i++) ok = { a: ok };
    expect(exceedsDepth(ok)).toBe(false);
    expect(exceedsDepth({ a: ok })).toBe(true);
  });
});
