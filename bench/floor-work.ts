// The work every floor does for a request, whatever serves it (bench/floor-server.ts on bare
// node:http, bench/nest-floor.ts through NestJS + Fastify): verify the bearer JWT (HS256, as the
// API does), run the scenario's one named statement and shape the same JSON.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Pool } from 'pg';
import { FloorInput, SCENARIOS } from './scenarios';

const secret = process.env.JWT_SECRET!;
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  // The API's pool settings (DATABASE_POOL_IDLE_MS): connections stay warm between rounds.
  idleTimeoutMillis: Number(process.env.DATABASE_POOL_IDLE_MS ?? 600_000),
});
const floors = new Map(SCENARIOS.map((s) => [s.key, s.floor]));

// Verified tokens until they expire, as the API keeps them (AccessTokenVerifier): same work.
const verified = new Map<string, { sub: string; expiresAt: number }>();

function viewerOf(authorization: string | undefined): string | null {
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (!token) return null;
  const known = verified.get(token);
  if (known && Date.now() < known.expiresAt) return known.sub;
  const [header, payload, signature] = token.split('.');
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature ?? '', 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
    sub: string;
    exp: number;
  };
  if (claims.exp * 1000 <= Date.now()) return null;
  if (verified.size >= 10_000) verified.delete(verified.keys().next().value!);
  verified.set(token, { sub: claims.sub, expiresAt: claims.exp * 1000 });
  return claims.sub;
}

export interface FloorAnswer {
  status: number;
  body: unknown;
}

/**
 * `key`: the scenario; `url`: the API's path and query (the floor's route without its key);
 * `body`: the parsed JSON body, if any.
 */
export async function floorAnswer(
  key: string,
  url: string,
  body: Record<string, unknown> | null,
  authorization: string | undefined,
): Promise<FloorAnswer> {
  const floor = floors.get(key);
  if (!floor) return { status: 404, body: { error: 'no such floor' } };
  const input: FloorInput = {
    url: new URL(url, 'http://floor'),
    body,
    viewerId: viewerOf(authorization),
  };
  const { rows } = await pool.query({
    name: `floor.${key}`,
    text: floor.sql,
    values: floor.values(input),
  });
  if (rows.length === 0 && floor.emptyStatus)
    return { status: floor.emptyStatus, body: { rows: 0 } };
  return { status: 200, body: floor.shape(rows as never[], input) };
}

/** What a failed statement answers: 409 for a unique violation (a repeated ballot), else 500. */
export function floorFailure(err: Error & { code?: string }): FloorAnswer {
  return { status: err.code === '23505' ? 409 : 500, body: { error: err.message } };
}
