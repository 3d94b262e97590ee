// npm run demo: `npm start` (build, services, migrate, API + worker), then a small data set
// through the API, then one banner with the addresses, two demo logins and a ready token.
// Ctrl-C stops everything (npm start forwards it to the API and the worker).
const { spawn } = require('node:child_process');
const path = require('node:path');
const { seedDemo, DEMO_PASSWORD } = require('./demo-seed');

const root = path.resolve(__dirname, '..');
const port = process.env.PORT || '3000';
const api = `http://127.0.0.1:${port}`;
const host = `http://localhost:${port}`;
const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/nexus';

const start = spawn(process.execPath, [path.join(__dirname, 'start.js')], {
  cwd: root,
  stdio: 'inherit',
});
start.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
// The terminal's Ctrl-C reaches npm start too; it stops the children and exits.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => start.kill(signal));

async function waitUntilReady(timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${api}/health/ready`)).ok) return;
    } catch {
      // not listening yet (building or migrating)
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the API did not become ready on ${api}`);
}

async function main() {
  await waitUntilReady();
  const { sessions, seeded } = await seedDemo(api, databaseUrl);
  const line = '─'.repeat(78);
  console.log(
    [
      '',
      line,
      ` Nexus demo is running ${seeded ? '(data seeded)' : '(data was already there)'}`,
      line,
      ` GraphQL IDE (GraphiQL)  ${host}/graphql`,
      ` REST docs (Swagger UI)  ${host}/api/docs`,
      ` Queues (Bull Board)     ${host}/admin/queues   (admins: log in as alice)`,
      ` Health / metrics        ${host}/health/ready   ${host}/metrics`,
      '',
      ` Demo users              alice / ${DEMO_PASSWORD}   (admin)`,
      `                         bob   / ${DEMO_PASSWORD}`,
      '',
      ' Access token for alice (15 minutes; paste into Swagger "Authorize" or the IDE Headers):',
      '',
      `   ${sessions.alice.accessToken}`,
      '',
      ` IDE Headers:  { "Authorization": "Bearer <token above>" }`,
      ` curl:         curl ${host}/api/auth/me -H "Authorization: Bearer <token above>"`,
      line,
      ' Ctrl-C stops the API and the worker.',
      '',
    ].join('\n'),
  );
}

main().catch((err) => {
  console.error(`[demo] ${err.message}`);
  start.kill('SIGTERM');
  process.exitCode = 1;
});
