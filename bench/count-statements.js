// Preloaded (`node -r`) into the API and floor processes by the bench, never in production:
// counts every statement sent through pg (BEGIN/COMMIT included) and answers the count over
// the IPC channel, so "SQL statements per request" is measured, not estimated. With
// BENCH_THROTTLER_OFF=1 it also short-circuits @nestjs/throttler's per-limit check, to price the
// limiter. (The check, not canActivate: GqlThrottlerGuard overrides canActivate, so patching that
// left the limiter on.)
'use strict';
const pg = require('pg');

let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  statements++;
  return query.apply(this, args);
};

if (process.env.BENCH_THROTTLER_OFF === '1') {
  const { ThrottlerGuard } = require('@nestjs/throttler');
  ThrottlerGuard.prototype.handleRequest = async () => true;
}

if (process.send) {
  process.on('message', (msg) => {
    if (msg === 'statements?') process.send({ statements });
  });
  // The IPC channel must not keep a finished process alive.
  process.channel?.unref();
}
