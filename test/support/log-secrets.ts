import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where this run's app logs go: one file per test file (LOG_FILE), scanned after the run. */
export const logDirectory = (run: string) => join(tmpdir(), `nexus-test-logs-${run}`);

// Every password the tests send, the secrets they configure, and the shapes of tokens and hashes.
const LITERALS = [
  'correct-horse-battery',
  'long-enough',
  'not-the-password',
  'guess-guess',
  'wrong-password',
  'dave-password',
  's3cret-pass',
  'nexus-development-secret-change-me-in-production',
  'old-secret-old-secret',
  'new-secret-new-secret',
];
const PATTERNS: [string, RegExp][] = [
  ['JWT', /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,}/],
  ['refresh token', /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[\w-]{40,}/],
  ['argon2 hash', /\$argon2(?:id|i|d)\$/],
  ['token hash (sha-256 hex)', /\b[0-9a-f]{64}\b/],
  ['authorization value', /\b(?:Bearer|JWT)\s+[\w-]{8,}/i],
  ['unredacted password field', /"password(?:Hash)?"\s*:\s*"(?!\[redacted\])/i],
  ['unredacted token field', /"(?:access|refresh)?[Tt]oken"\s*:\s*"(?!\[redacted\])/],
];

/** What kind of secret a log line carries, if any. */
export function secretIn(line: string): string | undefined {
  const literal = LITERALS.find((text) => line.includes(text));
  if (literal) return `password or secret "${literal.slice(0, 6)}…"`;
  return PATTERNS.find(([, pattern]) => pattern.test(line))?.[0];
}

/** Every offending line of every log file of the run, as `file:line kind`. */
export function scanLogs(directory: string): { lines: number; findings: string[] } {
  if (!existsSync(directory)) return { lines: 0, findings: [] };
  let lines = 0;
  const findings: string[] = [];
  for (const file of readdirSync(directory)) {
    readFileSync(join(directory, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line) return;
        lines += 1;
        const kind = secretIn(line);
        if (kind) findings.push(`${file}:${i + 1} ${kind}`);
      });
  }
  return { lines, findings };
}
