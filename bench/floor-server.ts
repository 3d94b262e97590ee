// The same-work floor: bare node:http + pg. Per scenario (bench/scenarios.ts) it verifies the
// bearer JWT (HS256, as the API does), runs the scenario's one named statement and answers the
// same JSON. Routes: /<scenario key>/<the API path>. No framework, no ORM, no middleware.
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
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

function send(res: http.ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

async function answer(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
  const url = new URL(req.url!, 'http://floor');
  if (url.pathname === '/ready') return send(res, 200, { ok: true });
  const [, key, ...rest] = url.pathname.split('/');
  const floor = floors.get(key);
  if (!floor) return send(res, 404, { error: 'no such floor' });
  const input: FloorInput = {
    url: new URL(`/${rest.join('/')}${url.search}`, 'http://floor'),
    body: raw ? (JSON.parse(raw) as Record<string, unknown>) : null,
    viewerId: viewerOf(req.headers.authorization),
  };
  const { rows } = await pool.query({
    name: `floor.${key}`,
    text: floor.sql,
    values: floor.values(input),
  });
  if (rows.length === 0 && floor.emptyStatus) return send(res, floor.emptyStatus, { rows: 0 });
  send(res, 200, floor.shape(rows as never[], input));
}

http
  .createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      answer(req, res, raw).catch((err: Error & { code?: string }) =>
        send(res, err.code === '23505' ? 409 : 500, { error: err.message }),
      );
    });
  })
  .listen(Number(process.env.FLOOR_PORT), '127.0.0.1');

// Exit normally on stop, so that `--cpu-prof` (BENCH_CPU_PROF=1) writes the floor's profile.
process.on('SIGTERM', () => process.exit(0));
