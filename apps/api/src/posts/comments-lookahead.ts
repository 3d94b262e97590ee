import { getArgumentValues, GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { argsAreValid } from '../graphql/prefetched-fields';
import { selectedFields } from '../graphql/selections';
import { PageSizeInput } from '../common/pagination.input';

/**
 * The `first` of the `comments` a list of posts asks for, when every `comments` selection (aliases,
 * fragments) asks the same valid value: the list can then read them in its own statement.
 * Otherwise undefined, and each post's comments are read by the field as usual.
 */
export function requestedFirstComments(info: GraphQLResolveInfo): number | undefined {
  const post = info.schema.getType('Post');
  const field = post instanceof GraphQLObjectType ? post.getFields().comments : undefined;
  if (!field) return undefined;
  const firsts = new Set<number>();
  for (const node of info.fieldNodes) {
    for (const comments of selectedFields(node.selectionSet, info)) {
      if (comments.name.value !== 'comments') continue;
      const args = getArgumentValues(field, comments, info.variableValues);
      if (!argsAreValid(PageSizeInput, args)) return undefined;
      firsts.add(args.first as number);
    }
  }
  return firsts.size === 1 ? [...firsts][0] : undefined;
}
