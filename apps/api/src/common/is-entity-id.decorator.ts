import { isId } from '@nexus/core';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** A bigint id as a string (what GraphQL `ID` and JSON carry); same rule as ParseIdPipe. */
export function IsEntityId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEntityId',
      validator: {
        validate: (value) => isId(value),
        defaultMessage: (args) => `${args?.property ?? 'id'} must be a positive integer id`,
      },
    },
    options,
  );
}
