import type Redis from 'ioredis';
import { ViewCounter } from './view-counter';

describe('ViewCounter', () => {
  it('counts views per post and UTC day, across midnight both ways', async () => {
    const counter = new ViewCounter({ status: 'end', defineCommand: () => {} } as unknown as Redis);
    const at = (iso: string) => Date.parse(iso);
    counter.count('7', at('2026-12-01T23:59:59.999Z'));
    counter.count('7', at('2026-12-02T00:00:00.000Z'));
    counter.count('7', at('2026-12-01T00:00:00.000Z'));
    counter.count('8', at('2026-12-02T12:00:00.000Z'));
    expect(Object.fromEntries(counter['pending'])).toEqual({
      '7|2026-12-01': 2,
      '7|2026-12-02': 1,
      '8|2026-12-02': 1,
    });
    await counter.onModuleDestroy();
  });
});
