import { ValidationError } from 'class-validator';
import { FieldError, ValidationFailedError } from './domain-error';

/** class-validator errors → per-field details, nested paths joined with dots. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

export function validationExceptionFactory(errors: ValidationError[]): ValidationFailedError {
  const details = flattenValidationErrors(errors);
  const summary = details.map((d) => d.messages.join(', ')).join('; ');
  return new ValidationFailedError(details, summary || 'Validation failed');
}
