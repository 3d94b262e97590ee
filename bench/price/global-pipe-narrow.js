// Bench-only preload for bench/ab-builds.ts (AB_NODE_OPTIONS="name=... -r <this file>"), never shipped.
// Nest's own chain, but the global pipe only where a parameter has neither a custom
// decorator nor pipes of its own (what per-parameter validation decorators would give).
const { RouterExecutionContext } = require(
  require.resolve('@nestjs/core/router/router-execution-context', { paths: [process.cwd()] }),
);
const original = RouterExecutionContext.prototype.createPipesFn;
RouterExecutionContext.prototype.createPipesFn = function (pipes, paramsOptions) {
  return original.call(
    this,
    [],
    paramsOptions.map((p) => ({
      ...p,
      pipes: typeof p.type === 'string' || p.pipes.length ? p.pipes : [...pipes, ...p.pipes],
    })),
  );
};
