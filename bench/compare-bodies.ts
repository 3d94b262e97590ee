import { Client } from 'pg';
import { BenchProcess } from './processes';
import { BenchFixtures, LoadRequest, Scenario } from './scenarios';

async function fetchJson(base: string, r: LoadRequest): Promise<unknown> {
  const res = await fetch(base + r.path, { method: r.method, headers: r.headers, body: r.body });
  return res.json();
}

/**
 * Key paths and value types, sorted: the shape two bodies must share when their values may
 * differ. Key order is not part of it (REST bodies are written in the OpenAPI schema's order).
 */
function shapeOf(value: unknown, path = '$'): string[] {
  return pathsOf(value, path).sort();
}

function pathsOf(value: unknown, path: string): string[] {
  if (Array.isArray(value)) return value.length ? pathsOf(value[0], `${path}[]`) : [`${path}[]`];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => pathsOf(v, `${path}.${k}`));
  return [`${path}:${value === null ? 'null' : typeof value}`];
}

/**
 * "Same JSON" is checked, not assumed: read scenarios must answer identical bodies from the API
 * and the floor; the vote must answer the same shape (a fresh poll, two different voters).
 */
export async function checkBodies(
  scenarios: Scenario[],
  f: BenchFixtures,
  floor: BenchProcess,
  api: BenchProcess,
  db: Client,
): Promise<string[]> {
  const problems: string[] = [];
  for (const s of scenarios) {
    if (s.compareBodies) {
      const r = s.request(0, f);
      const [a, b] = await Promise.all([
        fetchJson(api.url, r),
        fetchJson(floor.url, { ...r, path: `/${s.key}${r.path}` }),
      ]);
      if (JSON.stringify(sortKeys(a)) !== JSON.stringify(sortKeys(b)))
        problems.push(
          `${s.key}: API and floor bodies differ\n  api:   ${JSON.stringify(a).slice(0, 400)}\n  floor: ${JSON.stringify(b).slice(0, 400)}`,
        );
    } else if (s.key === 'vote') {
      const { rows } = await db.query<{ id: string; option_id: string }>(
        `WITH p AS (INSERT INTO polls (author_id, question) VALUES ($1, 'Shape check') RETURNING id)
         INSERT INTO poll_options (poll_id, position, text)
         SELECT p.id, k, 'Choice ' || k FROM p, generate_series(0, 1) k
         RETURNING poll_id AS id, id AS option_id`,
        [f.userIds[0]],
      );
      const ballot = (i: number): LoadRequest => ({
        method: 'POST',
        path: `/api/polls/${rows[0].id}/vote`,
        headers: { authorization: `Bearer ${f.tokens[i]}`, 'content-type': 'application/json' },
        body: JSON.stringify({ optionId: rows[0].option_id }),
      });
      const a = shapeOf(await fetchJson(api.url, ballot(0))).join(' ');
      const b = shapeOf(
        await fetchJson(floor.url, { ...ballot(1), path: `/vote${ballot(1).path}` }),
      ).join(' ');
      if (a !== b) problems.push(`vote: API and floor shapes differ\n  api:   ${a}\n  floor: ${b}`);
    }
  }
  return problems;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  return value;
}
