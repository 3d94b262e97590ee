import {
  FieldNode,
  getArgumentValues,
  GraphQLObjectType,
  GraphQLResolveInfo,
  Kind,
  SelectionSetNode,
} from 'graphql';
import { argsAreValid } from '../graphql/prefetched-fields';
import { PageSizeInput } from '../common/pagination.input';

function commentsNodes(set: SelectionSetNode | undefined, info: GraphQLResolveInfo): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD)
      return selection.name.value === 'comments' ? [selection] : [];
    if (selection.kind === Kind.INLINE_FRAGMENT) return commentsNodes(selection.selectionSet, info);
    return commentsNodes(info.fragments[selection.name.value]?.selectionSet, info);
  });
}

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
    for (const comments of commentsNodes(node.selectionSet, info)) {
      const args = getArgumentValues(field, comments, info.variableValues);
      if (!argsAreValid(PageSizeInput, args)) return undefined;
      firsts.add(args.first as number);
    }
  }
  return firsts.size === 1 ? [...firsts][0] : undefined;
}
