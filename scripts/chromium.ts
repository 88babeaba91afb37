/**
 * Finds a Chromium for the browser tests and the viewer benchmark.
 *
 * In order: `CHROMIUM_PATH`; a Chromium or Chrome on the PATH (a distribution
 * package such as Debian's `chromium`); Playwright's own download; and, when
 * none exists, `playwright install chromium` (which needs the network). Says
 * on stderr which one it uses.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium } from 'playwright-core';

export interface FoundChromium {
  /** Undefined means Playwright's own browser, wherever Playwright keeps it. */
  readonly executablePath: string | undefined;
  /** Which kind was found, for the log line. */
  readonly source: 'CHROMIUM_PATH' | 'PATH' | 'playwright' | 'playwright (just installed)';
}

/** Flags for running headless in containers and CI: no sandbox (often unavailable), no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
] as const;

const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

function playwrightChromium(): boolean {
  try {
    return executable(chromium.executablePath());
  } catch {
    return false;
  }
}

let found: FoundChromium | undefined;

/** The Chromium to launch; throws with what to do when there is none. */
export function findChromium(): FoundChromium {
  if (found) return found;
  found = locate();
  const where = found.executablePath ?? chromium.executablePath();
  process.stderr.write(`Chromium: ${where} (${found.source})\n`);
  return found;
}

function locate(): FoundChromium {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!executable(fromEnv)) throw new Error(`CHROMIUM_PATH is ${fromEnv}, which is not an executable file.`);
    return { executablePath: fromEnv, source: 'CHROMIUM_PATH' };
  }
  for (const name of NAMES) {
    const path = onPath(name);
    if (path) return { executablePath: path, source: 'PATH' };
  }
  if (playwrightChromium()) return { executablePath: undefined, source: 'playwright' };
  process.stderr.write('No Chromium found; trying `npx playwright install chromium`…\n');
  const install = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  if (install.status === 0 && playwrightChromium()) return { executablePath: undefined, source: 'playwright (just installed)' };
  throw new Error(
    'No Chromium to run the browser tests with, and Playwright could not download one. ' +
      'Install one from your system (Debian/Ubuntu: `sudo apt-get install chromium`), ' +
      'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
  );
}
