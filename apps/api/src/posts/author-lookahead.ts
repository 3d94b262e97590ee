import type { AuthorDepth, AuthorSummary } from '@nexus/posts';
import { GraphQLResolveInfo } from 'graphql';
import { perSelection, selectedFields } from '../graphql/selections';

/** User fields the summary columns answer (AuthorSummary's keys are User's field names). */
const SUMMARY_FIELDS: ReadonlySet<string> = new Set<keyof AuthorSummary | '__typename'>([
  'id',
  'username',
  'displayName',
  'avatarUrl',
  '__typename',
]);

/**
 * How much of the author the posts a field returns need: 'summary' when every `author` selected
 * on them (aliases, fragments) asks only for summary fields, so the read takes REST's summary
 * columns instead of the whole user; 'whole' as soon as one asks for anything else.
 */
export const requestedAuthorDepth = perSelection((info: GraphQLResolveInfo): AuthorDepth => {
  for (const node of info.fieldNodes) {
    for (const field of selectedFields(node.selectionSet, info)) {
      if (field.name.value !== 'author') continue;
      const asked = selectedFields(field.selectionSet, info);
      if (asked.some((f) => !SUMMARY_FIELDS.has(f.name.value))) return 'whole';
    }
  }
  return 'summary';
});
