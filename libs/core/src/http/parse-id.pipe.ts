import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '../errors/domain-error';

// Positive bigint that fits Postgres' int8.
const ID_PATTERN = /^[1-9]\d{0,17}$/;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** Path ids are bigint strings; anything else is a 400 before any SQL runs. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!isId(value)) {
      const field = metadata.data ?? 'id';
      throw new ValidationFailedError([
        { field, messages: [`${field} must be a positive integer id`] },
      ]);
    }
    return value;
  }
}
