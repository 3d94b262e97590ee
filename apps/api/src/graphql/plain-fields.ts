import { GraphQLFieldResolver, GraphQLResolveInfo, GraphQLSchema, isObjectType } from 'graphql';

// The name of the resolver @nestjs/graphql gives every field of a code-first object type that has
// no @ResolveField: it returns `root[property]`, or the field's `defaultValue` when undefined.
const NEST_PROPERTY_READER = 'rootFieldResolver';

/**
 * Fields that only read their parent's property lose Nest's resolver, so they resolve as
 * graphql's default does. graphql-js treats both alike, but graphql-jit (decision 93) compiles a
 * field without a resolver to a property read, and one with a resolver to a call with its own
 * arguments object, resolve info, path and two closures: for a page of 20 posts that was ~260
 * calls. A field keeps its resolver if Nest's reader does more than read the property of the
 * same name: another property (`@Field({ name })`) or a `defaultValue`. Runs on the executable
 * schema only; schema.gql is untouched.
 */
export function plainFieldsReadDirectly(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (readsOwnProperty(field.name, field.resolve)) field.resolve = undefined;
    }
  }
  return schema;
}

/** Only Nest's property reader is ever called here: it has no side effects. */
function readsOwnProperty(
  name: string,
  resolve: GraphQLFieldResolver<unknown, unknown> | undefined,
): boolean {
  if (!resolve || resolve.name !== NEST_PROPERTY_READER) return false;
  const probe = Symbol(name);
  const call = (parent: object) =>
    resolve(parent, {}, undefined, undefined as unknown as GraphQLResolveInfo);
  return call({ [name]: probe }) === probe && call({}) === undefined;
}
