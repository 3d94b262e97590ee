// Node flags every Nexus process runs with: scripts/start.js, the bench and the soak pass them on
// the command line; docker/Dockerfile sets the same string as NODE_OPTIONS (a spec checks it).
//
// --max-semi-space-size=64 (MB, default 16): a request allocates many short-lived objects (Nest,
// Apollo, graphql-js, pg rows); with a larger young generation fewer of them survive into the old
// space and scavenges run less often. Measured on the nested GraphQL page: API CPU per request
// 3.5–4.3 ms → 2.5–3.0 ms (docs/performance-history.md). Costs up to ~100 MB more RSS under load.
const NODE_FLAGS = ['--max-semi-space-size=64'];

module.exports = { NODE_FLAGS };
