// npx ts-node --transpile-only -r tsconfig-paths/register bench/micro/row-shape.ts
// What pg does per execution of post by id's named statement that decision 110 avoids: parse the
// row description PostgreSQL answers a Describe with, and rebuild the parsers and the empty row
// (`Result#addFields`). Then both ways end to end on the bench database (client CPU per query).
import { Pool, QueryResult, Result } from 'pg';
import { Parser } from 'pg-protocol/dist/parser';
import { ShapeRememberingQuery } from '../../libs/core/src/database/shape-remembering-query';
import { useFastTimestamptzParser } from '../../libs/core/src/database/timestamptz-parser';
import { POST_DETAILS } from '../../libs/posts/src/post-reads.queries';

const DB = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/nexus_bench';
// Post by id's statement as the API runs it (REST GET /api/posts/:id).
const [, TEXT] = POST_DETAILS;

const nsPer = (n: number, run: () => void) => {
  const start = process.hrtime.bigint();
  run();
  return (Number(process.hrtime.bigint() - start) / n).toFixed(0);
};

/** The RowDescription message PostgreSQL sent for these fields, rebuilt byte for byte. */
function rowDescription(fields: QueryResult['fields']): Buffer {
  const parts: Buffer[] = [];
  const int = (bytes: 2 | 4, n: number) => {
    const b = Buffer.alloc(bytes);
    if (bytes === 2) b.writeInt16BE(n);
    else b.writeInt32BE(n);
    parts.push(b);
  };
  int(2, fields.length);
  for (const f of fields) {
    parts.push(Buffer.from(`${f.name}\0`));
    int(4, f.tableID);
    int(2, f.columnID);
    int(4, f.dataTypeID);
    int(2, f.dataTypeSize);
    int(4, f.dataTypeModifier);
    int(2, 0);
  }
  const payload = Buffer.concat(parts);
  const header = Buffer.alloc(5);
  header.write('T');
  header.writeInt32BE(payload.length + 4, 1);
  return Buffer.concat([header, payload]);
}

async function main() {
  useFastTimestamptzParser();
  const pool = new Pool({ connectionString: DB, max: 10 });
  const ids = (await pool.query('SELECT id FROM posts ORDER BY id DESC LIMIT 1000')).rows;
  const values = (i: number) => [ids[i % ids.length].id, null];
  const plain = (i: number) => pool.query({ name: 'micro.plain', text: TEXT, values: values(i) });
  const remembered = (i: number) =>
    pool.query(
      new ShapeRememberingQuery({ name: 'micro.remembered', text: TEXT, values: values(i) }),
    ) as unknown as Promise<QueryResult>;
  const { fields } = await plain(0);
  if (JSON.stringify((await plain(1)).rows) !== JSON.stringify((await remembered(1)).rows))
    throw new Error('the two ways answered different rows');

  const message = rowDescription(fields);
  const parser = new Parser();
  const N = 200_000;
  for (let round = 0; round < 3; round++) {
    const parse = nsPer(N, () => {
      for (let i = 0; i < N; i++) parser.parse(message, () => undefined);
    });
    const rebuild = nsPer(N, () => {
      for (let i = 0; i < N; i++)
        new (Result as never as new () => { addFields(f: unknown): void })().addFields(fields);
    });
    console.log(
      `${fields.length} columns: parse ${parse} ns, new Result + addFields ${rebuild} ns`,
    );
  }

  const QUERIES = 20_000;
  for (let round = 0; round < 4; round++) {
    for (const [name, run] of [
      ['plain', plain],
      ['remembered', remembered],
    ] as const) {
      const cpu = process.cpuUsage();
      let next = 0;
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          while (next < QUERIES) await run(next++);
        }),
      );
      const used = process.cpuUsage(cpu);
      console.log(
        `${name}: ${((used.user + used.system) / QUERIES).toFixed(1)} µs client CPU per query`,
      );
    }
  }
  await pool.end();
}

void main();
