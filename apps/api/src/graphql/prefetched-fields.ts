import { RememberedValidInputs, VALIDATOR_OPTIONS } from '@nexus/core';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { GraphQLFieldResolver, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { PageSizeInput } from '../common/pagination.input';
import { FieldReader, PREFETCHED, PREFETCHED_READERS } from './prefetched';

type Parent = Record<string | symbol, unknown>;
type ArgsClass = new () => object;

/** Fields a prefetched parent already carries (see PrefetchedPost). */
const PREFETCHED_FIELDS: Record<string, string[]> = {
  Post: ['author', 'viewerHasLiked'],
  Comment: ['author'],
};

/** Fields with arguments a prefetched parent answers through its readers, and their args class. */
const READER_FIELDS: Record<string, Record<string, ArgsClass>> = {
  Post: { comments: PageSizeInput },
};

// Arguments already found valid, per args class: a page asks the same `first` for every post.
// Kept as the validation pipe keeps them (RememberedValidInputs, decision 94).
const remembered = new RememberedValidInputs();

/**
 * The args class's own rules, checked once per distinct value. An invalid value is not
 * remembered: the field then takes Nest's resolver, whose global pipe answers with the usual error.
 */
export function argsAreValid(argsClass: ArgsClass, args: object): boolean {
  const key = remembered.keyOf(args, argsClass);
  if (key && remembered.knows(argsClass, key)) return true;
  const instance = plainToInstance(argsClass, args);
  const valid = validateSync(instance, VALIDATOR_OPTIONS).length === 0;
  if (valid && key) remembered.remember(argsClass, key, instance);
  return valid;
}

function readerFastPath(
  name: string,
  argsClass: ArgsClass,
  resolve: GraphQLFieldResolver<Parent, unknown>,
): GraphQLFieldResolver<Parent, unknown> {
  return (parent, args, ctx, info) => {
    const readers = parent[PREFETCHED_READERS] as
      Record<string, FieldReader<Parent, object> | undefined> | undefined;
    const read = readers?.[name];
    return read && argsAreValid(argsClass, args)
      ? read(parent, args)
      : resolve(parent, args, ctx, info);
  };
}

/**
 * Fast path for values read with their parent: return the property, as graphql's default
 * resolver would, instead of entering Nest's per-field wrapper (param decorators, global pipes,
 * a DataLoader hop) 100 times per nested page. Fields with arguments call the parent's reader
 * once their arguments pass the same class-validator rules. Other parents still take the
 * @ResolveField resolver. Runs on the executable schema only; schema.gql is untouched.
 */
export function prefetchedFieldsFastPath(schema: GraphQLSchema): GraphQLSchema {
  for (const [typeName, fieldNames] of Object.entries(PREFETCHED_FIELDS)) {
    const fields = objectFields(schema, typeName);
    for (const name of fieldNames) {
      const field = fields?.[name];
      const resolve = field?.resolve;
      if (!field || !resolve) continue;
      field.resolve = (parent: Parent, args, ctx, info) =>
        parent[PREFETCHED] ? parent[name] : resolve(parent, args, ctx, info);
    }
  }
  for (const [typeName, readerFields] of Object.entries(READER_FIELDS)) {
    const fields = objectFields(schema, typeName);
    for (const [name, argsClass] of Object.entries(readerFields)) {
      const field = fields?.[name];
      if (field?.resolve) field.resolve = readerFastPath(name, argsClass, field.resolve);
    }
  }
  return schema;
}

function objectFields(schema: GraphQLSchema, typeName: string) {
  const type = schema.getType(typeName);
  return type instanceof GraphQLObjectType ? type.getFields() : undefined;
}
