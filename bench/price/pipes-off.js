// Bench-only preload for bench/ab-builds.ts (AB_NODE_OPTIONS="name=... -r <this file>"), never shipped.
// What Nest's parameter-pipe chain costs post by id at most. Each parameter keeps
// only its own pipes (ParseIdPipe), run in line; the global pipe and Nest's async chain go.
const { RouterExecutionContext } = require(
  require.resolve('@nestjs/core/router/router-execution-context', { paths: [process.cwd()] }),
);
RouterExecutionContext.prototype.createPipesFn = function (_pipes, paramsOptions) {
  if (!paramsOptions.length) return null;
  return async (args, req, res, next) => {
    for (const p of paramsOptions) {
      let value = p.extractValue(req, res, next);
      for (const pipe of p.pipes) value = pipe.transform(value, p);
      args[p.index] = value;
    }
  };
};
