import { ValidationFailedError } from '../errors/domain-error';
import { decodeCursor, encodeCursor, toPage } from './cursor';

describe('cursor pagination', () => {
  it('round-trips an id through an opaque cursor', () => {
    expect(decodeCursor(encodeCursor('9007199254740993'))).toBe('9007199254740993');
    expect(encodeCursor('42')).not.toContain('42');
  });

  it('treats a missing cursor as the first page', () => {
    expect(decodeCursor(undefined)).toBeUndefined();
    expect(decodeCursor('')).toBeUndefined();
  });

  it('rejects a forged cursor with a validation error', () => {
    expect(() => decodeCursor('not-a-cursor')).toThrow(ValidationFailedError);
    expect(() => decodeCursor(Buffer.from('id:1 OR 1=1').toString('base64url'))).toThrow(
      ValidationFailedError,
    );
  });

  it('trims the look-ahead row and points the cursor at the last row kept', () => {
    const rows = [{ id: '5' }, { id: '4' }, { id: '3' }];
    expect(toPage(rows, 2)).toEqual({
      data: [{ id: '5' }, { id: '4' }],
      nextCursor: encodeCursor('4'),
    });
    expect(toPage(rows, 3)).toEqual({ data: rows, nextCursor: null });
  });
});
