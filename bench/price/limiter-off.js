// Bench-only preload for bench/ab-builds.ts (AB_NODE_OPTIONS="name=... -r <this file>"), never shipped.
// The limiter's per-limit check stubbed; bench/process-counters.js loads it for `--throttler-off`.
const { ThrottlerGuard } = require(
  require.resolve('@nestjs/throttler', { paths: [process.cwd()] }),
);
ThrottlerGuard.prototype.handleRequest = async () => true;
