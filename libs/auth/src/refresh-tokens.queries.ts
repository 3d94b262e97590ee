import { EntityManager } from 'typeorm';

export interface RotatedToken {
  user_id: string;
  family_id: string;
}

// "Still valid" lives in the WHERE: of two parallel refreshes with one token, exactly one wins.
const CONSUME = `
  UPDATE refresh_tokens SET revoked_at = now(), replaced_by_id = $3
  WHERE id = $1 AND token_hash = $2 AND revoked_at IS NULL AND expires_at > now()
  RETURNING user_id, family_id`;

const FAMILY_OF = `SELECT family_id FROM refresh_tokens WHERE id = $1 AND token_hash = $2`;

const REVOKE_FAMILY = `UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`;

const INSERT = `
  INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at)
  VALUES ($1, $2, $3, $4, now() + make_interval(days => $5))`;

const DELETE_EXPIRED = `
  DELETE FROM refresh_tokens WHERE expires_at < now() - interval '1 day'
     OR revoked_at < now() - interval '1 day'`;

export async function consumeToken(
  em: EntityManager,
  id: string,
  hash: Buffer,
  replacedBy: string,
) {
  const [rows] = (await em.query(CONSUME, [id, hash, replacedBy])) as [RotatedToken[], number];
  return rows[0];
}

export async function familyOf(
  em: EntityManager,
  id: string,
  hash: Buffer,
): Promise<string | undefined> {
  const rows = (await em.query(FAMILY_OF, [id, hash])) as { family_id: string }[];
  return rows[0]?.family_id;
}

export async function revokeFamily(em: EntityManager, familyId: string): Promise<void> {
  await em.query(REVOKE_FAMILY, [familyId]);
}

export async function insertToken(
  em: EntityManager,
  token: { id: string; userId: string; familyId: string; hash: Buffer; ttlDays: number },
): Promise<void> {
  await em.query(INSERT, [token.id, token.userId, token.familyId, token.hash, token.ttlDays]);
}

export async function deleteExpiredTokens(em: EntityManager): Promise<number> {
  const [, count] = (await em.query(DELETE_EXPIRED)) as [unknown, number];
  return count;
}
