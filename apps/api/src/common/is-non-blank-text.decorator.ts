import { applyDecorators } from '@nestjs/common';
import { IsString, Length, Matches } from 'class-validator';

/** A string of 1–max characters that is not only whitespace. */
export function IsNonBlankText(max: number): PropertyDecorator {
  return applyDecorators(
    IsString(),
    Length(1, max),
    Matches(/\S/, { message: ({ property }) => `${property} must not be blank` }),
  );
}
