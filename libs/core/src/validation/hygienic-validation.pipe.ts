import { Injectable, ValidationPipe } from '@nestjs/common';
import type { ArgumentMetadata, ValidationPipeOptions } from '@nestjs/common';
import { ValidationFailedError } from '../errors/domain-error';
import { validationExceptionFactory } from '../errors/validation-exception.factory';
import { RememberedValidInputs } from './remembered-valid-inputs';
import { findUnstorableText } from './text-hygiene';
import { rememberValidationMetadataLookups } from './validation-metadata-lookups';

// @nestjs/graphql's GqlParamtype.ARGS; context/info/root carry our own objects, not input.
const GRAPHQL_ARGS = 3;
const SCANNED = new Set<unknown>(['body', 'query', 'param', GRAPHQL_ARGS]);

/** class-validator options of every input: unknown properties are an error, not dropped. */
export const VALIDATOR_OPTIONS = { whitelist: true, forbidNonWhitelisted: true } as const;

/**
 * The one global validation step for both doors: rejects text PostgreSQL cannot store (NUL,
 * unpaired surrogates) in any string of a body, query, path or GraphQL argument, naming the
 * field, then runs class-validator. Scalar GraphQL args (`createPost(content:)`) and classless
 * bodies (the vote body) get the same check, since the scan does not depend on a DTO.
 */
@Injectable()
export class HygienicValidationPipe extends ValidationPipe {
  private readonly remembered = new RememberedValidInputs();

  constructor(options: ValidationPipeOptions = {}) {
    super({
      ...VALIDATOR_OPTIONS,
      transform: true,
      exceptionFactory: validationExceptionFactory,
      ...options,
    });
    rememberValidationMetadataLookups();
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // The same JSON passed the scan and the class's rules before (@RememberValid classes only).
    const { metatype } = metadata;
    const key = metatype && this.remembered.keyOf(value, metatype);
    const known = key ? this.remembered.recall(metatype, key) : undefined;
    if (known) return known;
    if (SCANNED.has(metadata.type)) {
      const errors = findUnstorableText(
        value,
        metadata.type === 'body' ? '' : (metadata.data ?? ''),
      );
      if (errors.length > 0) {
        throw new ValidationFailedError(errors, errors.flatMap((e) => e.messages).join('; '));
      }
    }
    const transformed: unknown = await super.transform(value, metadata);
    if (key) this.remembered.remember(metatype, key, transformed);
    return transformed;
  }
}
