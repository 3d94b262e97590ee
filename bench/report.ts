import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoadResult } from './load';

export interface Round extends LoadResult {
  scenario: string;
  name: string;
  target: string;
  round: number;
  statementsPerRequest: number;
  /** KiB the process allocated on V8's heap per request (bench/process-counters.js). */
  kbAllocatedPerRequest: number;
  rssMb: number;
}

export interface Row {
  scenario: string;
  name: string;
  target: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  statementsPerRequest: number;
  kbAllocatedPerRequest: number;
  rssMb: number;
  /** Median req/s over the floor's median req/s (1 for the floor itself). */
  xFloor: number;
  /** Per-round ratios (round r of this target / round r of the floor): the noise. */
  roundRatios: number[];
}

export interface Report {
  at: string;
  settings: Record<string, unknown>;
  rows: Row[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export function summarise(rounds: Round[]): Row[] {
  const rows: Row[] = [];
  const scenarios = [...new Set(rounds.map((r) => r.scenario))];
  for (const scenario of scenarios) {
    const of = (target: string) =>
      rounds.filter((r) => r.scenario === scenario && r.target === target);
    const floor = of('floor');
    const floorRps = median(floor.map((r) => r.rps));
    for (const target of [
      ...new Set(rounds.filter((r) => r.scenario === scenario).map((r) => r.target)),
    ]) {
      const mine = of(target);
      rows.push({
        scenario,
        name: mine[0].name,
        target,
        rps: median(mine.map((r) => r.rps)),
        p50: median(mine.map((r) => r.p50)),
        p99: median(mine.map((r) => r.p99)),
        errors: mine.reduce((n, r) => n + r.errors, 0),
        statementsPerRequest: median(mine.map((r) => r.statementsPerRequest)),
        kbAllocatedPerRequest: median(mine.map((r) => r.kbAllocatedPerRequest)),
        rssMb: Math.max(...mine.map((r) => r.rssMb)),
        xFloor: median(mine.map((r) => r.rps)) / floorRps,
        roundRatios: mine.map((r) => r.rps / (floor.find((f) => f.round === r.round)?.rps ?? NaN)),
      });
    }
  }
  return rows;
}

export function printReport(rounds: Round[], settings: Record<string, unknown>): Report {
  const rows = summarise(rounds);
  console.log(`\n${JSON.stringify(settings)}; medians over rounds`);
  console.log(
    'scenario'.padEnd(42),
    'target'.padEnd(18),
    'req/s'.padStart(7),
    'x floor'.padStart(8),
    'rounds'.padStart(12),
    'p50'.padStart(6),
    'p99'.padStart(6),
    'err'.padStart(4),
    'SQL/req'.padStart(8),
    'KiB/req'.padStart(8),
    'RSS MB'.padStart(7),
  );
  for (const r of rows) {
    console.log(
      r.name.padEnd(42),
      r.target.padEnd(18),
      r.rps.toFixed(0).padStart(7),
      r.xFloor.toFixed(2).padStart(8),
      r.roundRatios
        .map((x) => x.toFixed(2))
        .join('/')
        .padStart(12),
      String(r.p50).padStart(6),
      String(r.p99).padStart(6),
      String(r.errors).padStart(4),
      r.statementsPerRequest.toFixed(2).padStart(8),
      r.kbAllocatedPerRequest.toFixed(1).padStart(8),
      r.rssMb.toFixed(0).padStart(7),
    );
  }
  for (const nest of rows.filter((r) => r.target === 'nest-floor')) {
    const api = rows.find((r) => r.scenario === nest.scenario && r.target === 'api');
    if (api) console.log(`${nest.scenario}: api ${(api.rps / nest.rps).toFixed(2)}× nest-floor`);
  }
  return { at: new Date().toISOString(), settings, rows };
}

/** bench/results/<date>.json (a second run that day gets the time appended). */
export function saveReport(report: Report, extra: Record<string, unknown>): string {
  const dir = path.join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const day = report.at.slice(0, 10);
  let file = path.join(dir, `${day}.json`);
  if (existsSync(file))
    file = path.join(dir, `${day}T${report.at.slice(11, 16).replace(':', '')}.json`);
  const machine = {
    cpus: os.cpus().length,
    loadavg: os.loadavg(),
    node: process.version,
  };
  writeFileSync(file, JSON.stringify({ ...report, machine, ...extra }, null, 2) + '\n');
  console.log(`saved ${path.relative(process.cwd(), file)}`);
  return file;
}
