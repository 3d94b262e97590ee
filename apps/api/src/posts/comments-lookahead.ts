import { getArgumentValues, GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { argsAreValid } from '../graphql/prefetched-fields';
import { perSelection, selectedFields } from '../graphql/selections';
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
  for (const comments of commentsSelections(info)) {
    const args = getArgumentValues(field, comments, info.variableValues);
    if (!argsAreValid(PageSizeInput, args)) return undefined;
    firsts.add(args.first as number);
  }
  return firsts.size === 1 ? [...firsts][0] : undefined;
}

/** Every `comments` selected on the posts (their arguments may be variables: read per request). */
const commentsSelections = perSelection((info: GraphQLResolveInfo) =>
  info.fieldNodes.flatMap((node) =>
    selectedFields(node.selectionSet, info).filter((f) => f.name.value === 'comments'),
  ),
);
