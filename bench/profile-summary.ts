// npx ts-node bench/profile-summary.ts <file.cpuprofile> [top]: self time by function and by
// package, from a `node --cpu-prof` profile (npm run bench with BENCH_CPU_PROF=1).
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const [file, topArg] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8')) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
};
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) =>
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
);
const total = [...self.values()].reduce((a, b) => a + b, 0);

const packageOf = (url: string) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.includes('/dist/apps/')) return '(our bundle)';
  if (url.startsWith('node:') || url === '') return url || '(native/gc/idle)';
  return url;
};
const sum = (key: (n: Node) => string) => {
  const m = new Map<string, number>();
  for (const [id, t] of self) {
    const k = key(byId.get(id)!);
    m.set(k, (m.get(k) ?? 0) + t);
  }
  return [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 25));
};
const pct = (t: number) => ((100 * t) / total).toFixed(1).padStart(5) + '%';
console.log(`total ${(total / 1e6).toFixed(1)} s sampled`);
console.log('\nby package (self time):');
for (const [k, t] of sum((n) => packageOf(n.callFrame.url))) console.log(pct(t), k);
console.log('\nby function (self time):');
for (const [k, t] of sum(
  (n) =>
    `${n.callFrame.functionName || '(anon)'} ${packageOf(n.callFrame.url)}:${n.callFrame.lineNumber}`,
))
  console.log(pct(t), k);
