import { runNamed } from '@nexus/core';
import { EntityManager } from 'typeorm';
import { PostRecord } from './post-record';
import { POST_COLUMNS } from './posts.queries';

const SELECT_POSTS_BY_IDS = `
  SELECT ${POST_COLUMNS} FROM posts WHERE id = ANY($1::bigint[]) AND deleted_at IS NULL`;

/** Live posts among these ids, in the order given (deleted and unknown ids are skipped). */
export async function selectPostsByIds(em: EntityManager, ids: string[]): Promise<PostRecord[]> {
  const rows = await runNamed<PostRecord>(em, 'posts.by_ids', SELECT_POSTS_BY_IDS, [ids]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
