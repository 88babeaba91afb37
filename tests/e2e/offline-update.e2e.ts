/**
 * A new deployment while a reader has the site open. The site is served here through a small proxy of
 * the test server (its own origin, so its own service worker and storage) that can "deploy" a new
 * version: every hashed file of the app gets a new name (the old names are gone from the server, as
 * after a real deployment), `index.html` changes, and so the service worker script changes.
 */
import { createHash } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Page, type Response, expect, test } from '@playwright/test';
import { NEWEST, record, viewer, waitForSharp } from './helpers.js';

/** What the new version adds to `index.html`, so the test can tell which version a page runs. */
const MARKER = '<meta name="epaper-build" content="2" />';

interface Site {
  readonly origin: string;
  /** How many times browsers asked for the service worker script. */
  readonly swRequests: () => number;
  /** Puts the new version on the server. */
  deploy(): Promise<void>;
  close(): Promise<void>;
}

/** A proxy of `upstream` that serves the app as built until `deploy()`, then as a new build would. */
async function proxySite(upstream: string): Promise<Site> {
  /** After `deploy()`: old file name → new file name, and the rewritten `index.html` and `sw.js`. */
  let renamed: Map<string, string> | undefined;
  let files = new Map<string, string>();
  let swRequests = 0;
  const rename = (text: string) => (renamed ? [...renamed].reduce((t, [from, to]) => t.replaceAll(from, to), text) : text);
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/sw.js') swRequests++;
    const newToOld = renamed && [...renamed].find(([, to]) => path.endsWith(to));
    if (renamed && [...renamed.keys()].some((from) => path.endsWith(from))) {
      res.writeHead(404).end();
      return;
    }
    const upstreamPath = newToOld ? path.replace(newToOld[1], newToOld[0]) : path;
    const response = await fetch(new URL(upstreamPath, upstream), { headers: { 'accept-encoding': 'identity' } });
    const type = response.headers.get('content-type') ?? 'application/octet-stream';
    const headers = { 'content-type': type, 'content-security-policy': response.headers.get('content-security-policy') ?? '', 'cache-control': 'no-cache' };
    const own = files.get(path === '/' ? '/index.html' : path);
    if (own !== undefined) {
      res.writeHead(200, headers).end(own);
    } else if (/javascript|css|html/.test(type)) {
      res.writeHead(response.status, headers).end(rename(await response.text()));
    } else {
      res.writeHead(response.status, headers).end(Buffer.from(await response.arrayBuffer()));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    swRequests: () => swRequests,
    async deploy() {
      const sw = await (await fetch(new URL('/sw.js', upstream))).text();
      // Hashed names in the precache list: `index-DYGAQFgy.js` becomes `index-DYGAQFgy2.js` (wherever it is named).
      const hashed = [...new Set([...sw.matchAll(/assets\/([\w.-]+-[\w-]{8}\.\w+)/g)].map((m) => m[1]!))];
      expect(hashed.length).toBeGreaterThan(5);
      renamed = new Map(hashed.map((name) => [name, name.replace(/(-[\w-]{8})\./, '$12.')]));
      const index = rename(await (await fetch(new URL('/index.html', upstream))).text()).replace('</head>', `  ${MARKER}\n  </head>`);
      const revision = createHash('md5').update(index).digest('hex');
      files = new Map([
        ['/index.html', index],
        ['/sw.js', rename(sw).replace(/(\{url:"index\.html",revision:")\w+/, `$1${revision}`)],
      ]);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function newVersionRuns(page: Page): Promise<boolean> {
  return (await page.locator('meta[name="epaper-build"]').count()) === 1;
}

let site: Site;

test.beforeEach(async ({ baseURL }) => {
  site = await proxySite(baseURL!);
});

test.afterEach(async () => {
  await site.close();
});

test.describe('a new deployment while a reader has the site open', () => {
  test.use({ serviceWorkers: 'allow' });

  test('gives a notice, leaves the reader undisturbed until they accept, then runs the new version where they were', async ({ page, context }) => {
    await record(page);
    await page.goto(`${site.origin}/`);
    await waitForSharp(page, 1);
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));
    // The second visit is the one a service worker controls.
    const checks = site.swRequests();
    await page.reload();
    await waitForSharp(page, 1);
    // The browser's own look for a new version after a navigation (Chromium runs it once the page is
    // quiet): the deployment comes after it, as for a reader who opened the paper a while ago.
    await expect.poll(() => site.swRequests()).toBeGreaterThan(checks);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await newVersionRuns(page)).toBe(false);
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    await site.deploy();
    // The reader's connection drops and comes back (a tunnel): the page looks for a new version.
    await context.setOffline(true);
    await context.setOffline(false);
    const bar = page.getByRole('status').filter({ hasText: 'A new version of the e-paper is ready.' });
    await expect(bar).toBeVisible();
    await expect(page.locator('.update-bar')).toHaveCount(1);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(true);

    // Reading on: a page turn and a story, with files of the version in use that the server no longer has.
    const responses: Response[] = [];
    page.on('response', (r) => responses.push(r));
    await viewer(page).focus();
    await page.keyboard.press('ArrowRight');
    await waitForSharp(page, 2);
    await viewer(page).locator('.sheet[data-page="2"] .hotspot').first().click();
    const story = viewer(page).getByRole('dialog');
    await expect(story).toBeVisible();
    await expect.poll(() => page.evaluate(() => [...document.fonts].some((f) => f.family.includes('Old Standard') && f.status === 'loaded'))).toBe(true);
    const fonts = responses.filter((r) => /\/assets\/.*\.woff2?$/.test(r.url()));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((r) => r.status() === 200 && r.fromServiceWorker())).toBe(true);
    expect(responses.filter((r) => r.status() >= 400).map((r) => r.url())).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await newVersionRuns(page)).toBe(false);
    await page.keyboard.press('Escape');
    await expect(story).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`#${NEWEST}/p/2$`));
    const where = page.url();

    // The reader accepts: the page reloads into the new version, at the same page.
    await Promise.all([page.waitForEvent('load'), bar.getByRole('button', { name: 'Update now' }).click()]);
    expect(await newVersionRuns(page)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBeUndefined();
    expect(page.url()).toBe(where);
    await waitForSharp(page, 2);
    await expect(page.locator('.update-bar')).toHaveCount(0);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    });
    expect(cached.some((p) => /\/assets\/index-[\w-]{8}2\.js$/.test(p))).toBe(true);
    expect(cached.some((p) => /\/assets\/index-[\w-]{8}\.js$/.test(p))).toBe(false);

    // And the new version is what opens with no network.
    await context.setOffline(true);
    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    expect(await newVersionRuns(page)).toBe(true);
    await context.setOffline(false);
  });
});
