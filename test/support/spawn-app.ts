import { ChildProcess, spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Runs an app's real main.ts in a child process (ts-node, no typecheck), as operators would. */
export function spawnApp(
  app: 'api' | 'worker',
  env: Record<string, string | undefined> = {},
): ChildProcess & { output: () => string } {
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      `apps/${app}/src/main.ts`,
    ],
    {
      cwd: ROOT,
      // Logs on stdout (tests read them); copied to this file's log capture for the secret scan.
      env: { ...process.env, LOG_LEVEL: 'info', LOG_FILE: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const capture = process.env.LOG_FILE;
  child.stdout!.on('data', (d: Buffer) => {
    output += d.toString();
    if (capture) appendFileSync(capture, d);
  });
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  return Object.assign(child, { output: () => output });
}

export function waitForOutput(
  child: ChildProcess & { output: () => string },
  pattern: RegExp,
  timeoutMs = 30_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (pattern.test(child.output())) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null || Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error(`Did not see ${pattern} (exit ${child.exitCode}):\n${child.output()}`));
      }
    }, 50);
    const started = Date.now();
  });
}

export function waitForExit(child: ChildProcess, timeoutMs = 30_000): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('process did not exit')), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
