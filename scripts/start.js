// npm start: build if needed, make sure PostgreSQL/Redis run, migrate, then run the API and the
// worker as two child processes with prefixed logs. SIGINT/SIGTERM are forwarded; if one child
// dies, the other is stopped and npm start exits non-zero.
const { execFileSync, spawn } = require('node:child_process');
const { existsSync, statSync, readdirSync } = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { NODE_FLAGS } = require('./node-flags');

const root = path.resolve(__dirname, '..');
const apps = ['api', 'worker', 'migrate'];
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

const sourceTime = Math.max(
  newestSource(path.join(root, 'apps')),
  newestSource(path.join(root, 'libs')),
);
for (const app of apps) {
  const out = path.join(root, 'dist/apps', app, 'main.js');
  if (!existsSync(out) || statSync(out).mtimeMs < sourceTime) {
    console.log(`[start] building ${app}`);
    run('npx', ['nest', 'build', app]);
  }
}
run(process.execPath, ['scripts/build-ide.js']);
run('bash', ['scripts/ensure-services.sh']);
run(process.execPath, ['dist/apps/migrate/main.js']);

const children = new Map();
let stopping = false;
function stopAll(signal) {
  stopping = true;
  for (const child of children.values()) if (child.exitCode === null) child.kill(signal);
}

// The children write to pipes, so they cannot see this terminal: tell them (LOG_FORMAT=auto).
const childEnv = { ...process.env };
if (
  (!childEnv.LOG_FORMAT || childEnv.LOG_FORMAT === 'auto') &&
  process.stdout.isTTY &&
  !childEnv.CI &&
  (childEnv.NODE_ENV ?? 'development') === 'development'
) {
  childEnv.LOG_FORMAT = 'pretty';
}

for (const app of ['api', 'worker']) {
  const child = spawn(process.execPath, [...NODE_FLAGS, `dist/apps/${app}/main.js`], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${app}]`.padEnd(9);
  for (const stream of [child.stdout, child.stderr]) {
    readline
      .createInterface({ input: stream })
      .on('line', (line) => console.log(`${prefix}${line}`));
  }
  child.on('exit', (code, signal) => {
    children.delete(app);
    console.log(`[start] ${app} exited (${signal ?? code})`);
    if (!stopping) {
      process.exitCode = code || 1;
      stopAll('SIGTERM');
    }
    if (children.size === 0) process.exit(process.exitCode ?? 0);
  });
  children.set(app, child);
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal));
