import { ValidationFailedError } from '@nexus/core';
import {
  assertVotable,
  canSeeTotals,
  percentage,
  pollStatus,
  validateNewPoll,
  VotablePoll,
} from './poll-rules';
import { InvalidBallotError, PollClosedError, PollNotOpenError } from './polls.errors';

const NOW = new Date('2026-01-01T12:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

function poll(overrides: Partial<VotablePoll> = {}): VotablePoll {
  return {
    id: '1',
    allowsMultiple: false,
    startsAt: null,
    expiresAt: null,
    closedAt: null,
    options: [{ id: '10' }, { id: '11' }],
    ...overrides,
  };
}

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationFailedError);
    return ((err as ValidationFailedError).details as { field: string }[]).map((d) => d.field);
  }
  throw new Error('expected a validation error');
}

describe('pollStatus', () => {
  it('follows the timestamps', () => {
    expect(pollStatus(poll(), NOW)).toBe('ACTIVE');
    expect(pollStatus(poll({ startsAt: at(1) }), NOW)).toBe('SCHEDULED');
    expect(pollStatus(poll({ startsAt: at(-1), expiresAt: at(10) }), NOW)).toBe('ACTIVE');
    expect(pollStatus(poll({ expiresAt: NOW }), NOW)).toBe('CLOSED');
    expect(pollStatus(poll({ closedAt: at(-1), expiresAt: at(10) }), NOW)).toBe('CLOSED');
  });
});

describe('validateNewPoll', () => {
  const base = { question: ' Tabs or spaces? ', options: [' Tabs ', 'Spaces'] };

  it('trims question and options and applies defaults', () => {
    expect(validateNewPoll(base, NOW)).toEqual({
      question: 'Tabs or spaces?',
      description: null,
      options: ['Tabs', 'Spaces'],
      startsAt: null,
      expiresAt: null,
      allowsMultiple: false,
      hideTotals: false,
    });
  });

  it('rejects blank, duplicate (case-insensitive) and too few or many options', () => {
    expect(fieldsOf(() => validateNewPoll({ ...base, options: ['a', '  '] }, NOW))).toEqual([
      'options',
    ]);
    expect(fieldsOf(() => validateNewPoll({ ...base, options: ['Yes', ' yes'] }, NOW))).toEqual([
      'options',
    ]);
    expect(fieldsOf(() => validateNewPoll({ ...base, options: ['only'] }, NOW))).toEqual([
      'options',
    ]);
    const eleven = Array.from({ length: 11 }, (_, i) => `o${i}`);
    expect(fieldsOf(() => validateNewPoll({ ...base, options: eleven }, NOW))).toEqual(['options']);
  });

  it('accepts an expiry 5 minutes to 30 days after the start', () => {
    expect(validateNewPoll({ ...base, expiresAt: at(5) }, NOW).expiresAt).toEqual(at(5));
    expect(validateNewPoll({ ...base, expiresAt: at(30 * 24 * 60) }, NOW).expiresAt).toEqual(
      at(30 * 24 * 60),
    );
    const scheduled = validateNewPoll({ ...base, startsAt: at(60), expiresAt: at(65) }, NOW);
    expect(scheduled.startsAt).toEqual(at(60));
  });

  it('rejects past, too close and too distant expiries, and past starts', () => {
    expect(fieldsOf(() => validateNewPoll({ ...base, expiresAt: at(-1) }, NOW))).toEqual([
      'expiresAt',
    ]);
    expect(fieldsOf(() => validateNewPoll({ ...base, expiresAt: at(4) }, NOW))).toEqual([
      'expiresAt',
    ]);
    expect(
      fieldsOf(() => validateNewPoll({ ...base, expiresAt: at(30 * 24 * 60 + 1) }, NOW)),
    ).toEqual(['expiresAt']);
    // 5 minutes after now, but before the scheduled start + 5 minutes.
    expect(
      fieldsOf(() => validateNewPoll({ ...base, startsAt: at(60), expiresAt: at(10) }, NOW)),
    ).toEqual(['expiresAt']);
    expect(fieldsOf(() => validateNewPoll({ ...base, startsAt: at(-1) }, NOW))).toEqual([
      'startsAt',
    ]);
  });

  it('reports every bad field at once', () => {
    expect(
      fieldsOf(() =>
        validateNewPoll({ question: '  ', options: ['a', 'A'], expiresAt: at(1) }, NOW),
      ),
    ).toEqual(['question', 'options', 'expiresAt']);
  });
});

describe('assertVotable', () => {
  it('rejects closed, expired and not-started polls', () => {
    expect(() => assertVotable(poll({ closedAt: at(-1) }), ['10'], NOW)).toThrow(PollClosedError);
    expect(() => assertVotable(poll({ expiresAt: at(-1) }), ['10'], NOW)).toThrow(PollClosedError);
    expect(() => assertVotable(poll({ startsAt: at(30) }), ['10'], NOW)).toThrow(PollNotOpenError);
  });

  it('rejects foreign options, repeats and several options on a single-choice poll', () => {
    expect(() => assertVotable(poll(), ['10', '99'], NOW)).toThrow(InvalidBallotError);
    expect(() => assertVotable(poll(), ['10', '11'], NOW)).toThrow(InvalidBallotError);
    expect(() => assertVotable(poll({ allowsMultiple: true }), ['10', '10'], NOW)).toThrow(
      InvalidBallotError,
    );
    expect(() => assertVotable(poll(), [], NOW)).toThrow(InvalidBallotError);
  });

  it('accepts a valid ballot', () => {
    expect(() => assertVotable(poll(), ['11'], NOW)).not.toThrow();
    expect(() => assertVotable(poll({ allowsMultiple: true }), ['10', '11'], NOW)).not.toThrow();
  });
});

describe('canSeeTotals', () => {
  const hidden = {
    hideTotals: true,
    authorId: '5',
    startsAt: null,
    expiresAt: null,
    closedAt: null,
  };

  it('hides totals from others until the poll closes', () => {
    expect(canSeeTotals(hidden, { id: '6', role: 'user' }, NOW)).toBe(false);
    expect(canSeeTotals(hidden, undefined, NOW)).toBe(false);
    expect(canSeeTotals({ ...hidden, closedAt: at(-1) }, undefined, NOW)).toBe(true);
  });

  it('always shows them to the author and admins', () => {
    expect(canSeeTotals(hidden, { id: '5', role: 'user' }, NOW)).toBe(true);
    expect(canSeeTotals(hidden, { id: '6', role: 'admin' }, NOW)).toBe(true);
  });
});

describe('percentage', () => {
  it('rounds to one decimal and is 0 without votes', () => {
    expect(percentage(1, 3)).toBe(33.3);
    expect(percentage(2, 3)).toBe(66.7);
    expect(percentage(0, 0)).toBe(0);
  });
});
