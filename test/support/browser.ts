import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

/** Debian's chromium package (`apt-get install chromium`); .ci/run installs it when missing. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.resolve(__dirname, '../../test-artifacts');

/** Headless, and nothing that phones home: a test run must make no request off this machine. */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: run scripts/ensure-chromium.sh (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface PageWatch {
  /** Every URL the page requested (documents, scripts, styles, fonts, XHR, workers, sockets). */
  requests: string[];
  /** Those not served by this machine's test server: must stay empty. */
  offsite: () => string[];
  /** Console errors and uncaught exceptions (CSP violations show up here). */
  errors: string[];
}

/** Records every request of the page and its workers, and every console error. */
export function watchPage(page: Page, baseUrl: string): PageWatch {
  const origin = new URL(baseUrl);
  const watch: PageWatch = {
    requests: [],
    errors: [],
    offsite: () =>
      watch.requests.filter((url) => {
        if (url.startsWith('data:') || url.startsWith('blob:')) return false;
        const u = new URL(url);
        return u.host !== origin.host;
      }),
  };
  page.on('request', (req) => watch.requests.push(req.url()));
  page.on('websocket', (ws) => watch.requests.push(ws.url()));
  page.on('console', (msg) => {
    if (msg.type() === 'error') watch.errors.push(msg.text().slice(0, 300));
  });
  page.on('pageerror', (err) => watch.errors.push(err.message));
  return watch;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
