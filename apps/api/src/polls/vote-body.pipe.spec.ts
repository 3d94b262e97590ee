import { ValidationFailedError } from '@nexus/core';
import { normalizeBallot } from './vote-body.pipe';

function fieldsOf(body: unknown): string[] {
  try {
    normalizeBallot(body);
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationFailedError);
    return ((err as ValidationFailedError).details as { field: string }[]).map((d) => d.field);
  }
  throw new Error('expected a validation error');
}

describe('normalizeBallot', () => {
  it('accepts the three forms with numbers or numeric strings', () => {
    expect(normalizeBallot({ optionId: 3 })).toEqual({ optionIds: ['3'] });
    expect(normalizeBallot({ option_id: '4' })).toEqual({ optionIds: ['4'] });
    expect(normalizeBallot({ optionIds: [3, '5'] })).toEqual({ optionIds: ['3', '5'] });
  });

  it('rejects zero or several forms', () => {
    expect(fieldsOf({})).toEqual(['optionIds']);
    expect(fieldsOf({ optionId: 1, option_id: 1 })).toEqual(['optionId']);
  });

  it('rejects non-id values, empty or oversized lists and unknown fields', () => {
    expect(fieldsOf({ optionId: 'abc' })).toEqual(['optionId']);
    expect(fieldsOf({ option_id: 1.5 })).toEqual(['option_id']);
    expect(fieldsOf({ optionId: -1 })).toEqual(['optionId']);
    expect(fieldsOf({ optionIds: [] })).toEqual(['optionIds']);
    expect(fieldsOf({ optionIds: Array.from({ length: 11 }, (_, i) => i + 1) })).toEqual([
      'optionIds',
    ]);
    expect(fieldsOf({ optionIds: [1, 'x'] })).toEqual(['optionIds']);
    expect(fieldsOf({ optionId: 1, extra: true })).toEqual(['extra']);
    expect(fieldsOf([1])).toEqual(['optionIds']);
  });
});
