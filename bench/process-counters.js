// Preloaded (`node -r`) into the API and floor processes by the bench, never in production, and
// answering over the IPC channel:
// - every statement sent through pg (BEGIN/COMMIT included), so "SQL statements per request" is
//   measured, not estimated;
// - the bytes the process has allocated on V8's heap so far: what the heap holds now, plus what
//   every garbage collection since start freed (v8.GCProfiler reports each one's heap before and
//   after). Unlike CPU time, this does not move with the machine's load, so a change of a few
//   hundred bytes per request shows in any run, while the CPU it saves may not.
// With BENCH_THROTTLER_OFF=1 it also short-circuits @nestjs/throttler's per-limit check, to price
// the limiter. (The check, not canActivate: GqlThrottlerGuard overrides canActivate, so patching
// that left the limiter on.)
'use strict';
const pg = require('pg');
const v8 = require('node:v8');

let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  statements++;
  return query.apply(this, args);
};

const heapUsed = () => v8.getHeapStatistics().used_heap_size;
const heapAtStart = heapUsed();
let freedByGc = 0;
let gcProfiler = new v8.GCProfiler();
gcProfiler.start();

function allocatedBytes() {
  // A profiler's report covers the collections since it started: read it, start the next one.
  for (const gc of gcProfiler.stop().statistics)
    freedByGc += gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize;
  gcProfiler = new v8.GCProfiler();
  gcProfiler.start();
  return heapUsed() - heapAtStart + freedByGc;
}
// A profiler keeps every collection's report until stopped: fold them in now and then, so a long
// run that never asks (the soak) does not grow the process.
setInterval(allocatedBytes, 10_000).unref();

if (process.env.BENCH_THROTTLER_OFF === '1') require('./price/limiter-off');

if (process.send) {
  process.on('message', (msg) => {
    if (msg === 'counters?') process.send({ statements, allocatedBytes: allocatedBytes() });
  });
  // The IPC channel must not keep a finished process alive.
  process.channel?.unref();
}
