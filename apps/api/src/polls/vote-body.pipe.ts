import { Injectable, PipeTransform } from '@nestjs/common';
import { FieldError, isId, ValidationFailedError } from '@nexus/core';

/** What the vote handler receives, whichever of the three body forms was sent. */
export interface Ballot {
  optionIds: string[];
}

const FORMS = ['optionId', 'optionIds', 'option_id'] as const;
const MAX_OPTIONS = 10;

function toId(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  return isId(value) ? value : null;
}

function fail(field: string, message: string): never {
  throw new ValidationFailedError([{ field, messages: [message] }], message);
}

/** `{optionId}`, `{optionIds}` or `{option_id}` → `{optionIds}`; anything else is a per-field 400. */
export function normalizeBallot(body: unknown): Ballot {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    fail('optionIds', 'body must be a JSON object with optionId, optionIds or option_id');
  const record = body as Record<string, unknown>;
  const unknown: FieldError[] = Object.keys(record)
    .filter((key) => !(FORMS as readonly string[]).includes(key))
    .map((field) => ({ field, messages: [`property ${field} should not exist`] }));
  if (unknown.length) throw new ValidationFailedError(unknown);
  const given = FORMS.filter((key) => record[key] !== undefined);
  if (given.length !== 1)
    fail(given[0] ?? 'optionIds', 'send exactly one of optionId, optionIds or option_id');
  const form = given[0];
  if (form !== 'optionIds') {
    const id = toId(record[form]);
    return id ? { optionIds: [id] } : fail(form, `${form} must be a positive integer id`);
  }
  const list = record.optionIds;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_OPTIONS)
    fail('optionIds', `optionIds must be an array of 1-${MAX_OPTIONS} option ids`);
  const ids = list.map(toId);
  if (ids.some((id) => id === null))
    fail('optionIds', 'each optionIds entry must be a positive integer id');
  return { optionIds: ids as string[] };
}

/** Runs before validation would: the body's three shapes have no single class to validate. */
@Injectable()
export class VoteBodyPipe implements PipeTransform<unknown, Ballot> {
  transform(body: unknown): Ballot {
    return normalizeBallot(body);
  }
}
