// Bench-only preload for bench/ab-builds.ts (AB_NODE_OPTIONS="name=... -r <this file>"), never shipped.
// the limiter's per-limit check stubbed, as `--throttler-off` does.
const { ThrottlerGuard } = require(
  require.resolve('@nestjs/throttler', { paths: [process.cwd()] }),
);
ThrottlerGuard.prototype.handleRequest = async () => true;
