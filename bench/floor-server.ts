// The same-work floor: bare node:http + pg. Per scenario (bench/scenarios.ts) it does the
// floor's work (bench/floor-work.ts: verify the JWT, one named statement, the same JSON).
// Routes: /<scenario key>/<the API path>. No framework, no ORM, no middleware.
import http from 'node:http';
import { FloorAnswer, floorAnswer, floorFailure } from './floor-work';

function send(res: http.ServerResponse, { status, body }: FloorAnswer) {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

async function answer(req: http.IncomingMessage, raw: string): Promise<FloorAnswer> {
  const url = new URL(req.url!, 'http://floor');
  if (url.pathname === '/ready') return { status: 200, body: { ok: true } };
  const [, key, ...rest] = url.pathname.split('/');
  const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
  return floorAnswer(key, `/${rest.join('/')}${url.search}`, body, req.headers.authorization);
}

http
  .createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      answer(req, raw).then(
        (answered) => send(res, answered),
        (err: Error) => send(res, floorFailure(err)),
      );
    });
  })
  .listen(Number(process.env.FLOOR_PORT), '127.0.0.1');

// Exit normally on stop, so that `--cpu-prof` (BENCH_CPU_PROF=1) writes the floor's profile.
process.on('SIGTERM', () => process.exit(0));
