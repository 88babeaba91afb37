/**
 * The element served from another origin than the page, as from a CDN: the
 * script, pdf.js and its worker, and the editions come from one origin (with
 * CORS headers), the page from another (another port). Browsers start
 * workers only from the page's own origin, so the viewer must start pdf.js's
 * worker and its save worker through `blob:` modules.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type ExampleServer, ROOT, buildEmbed, serveExample } from '../../scripts/serve-example.js';
import { writeFixture } from '../viewer/fixtures/make-edition.js';

const CACHE = join(ROOT, '.cache', 'embed-cdn-e2e');
let cdn: ExampleServer;

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  await Promise.all([buildEmbed(join(CACHE, 'epaper')), writeFixture(join(CACHE, 'editions'))]);
  cdn = await serveExample({ embedDir: join(CACHE, 'epaper'), editionsDir: join(CACHE, 'editions'), cors: true });
});

test.afterAll(async () => {
  await cdn?.close();
});

test('the element, pdf.js and the editions from another origin render under a strict CSP naming that origin', async ({ page }) => {
  const from = new URL(cdn.url).origin;
  const policy = [
    "default-src 'self'",
    `script-src 'self' ${from}`,
    // The worker starts from a blob: module; the pdf.js worker it imports is fetched as a worker script.
    `worker-src 'self' blob: ${from}`,
    `connect-src 'self' ${from}`,
    `img-src 'self' blob: ${from}`,
    "style-src 'self'",
  ].join('; ');
  const site = join(CACHE, 'host');
  await mkdir(site, { recursive: true });
  await writeFile(join(site, 'host.css'), 'epaper-viewer { height: 700px; }\n');
  await writeFile(join(site, 'favicon.ico'), '');
  await writeFile(
    join(site, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News</title>
<link rel="stylesheet" href="/host.css">
<script type="module" src="${from}/epaper/epaper-viewer.js"></script></head>
<body><epaper-viewer src="${from}/epaper/editions/index.json"></epaper-viewer></body></html>
`,
  );
  // Another port is another origin.
  const host = await serveExample({ siteDir: site, embedDir: site, editionsDir: site, csp: policy });
  try {
    expect(new URL(host.url).origin).not.toBe(from);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    await page.addInitScript(`
      window.__sharp = [];
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
      window.addEventListener('epaper-page-render', (e) => { if (e.detail.sharp) window.__sharp.push(e.detail.page); });
    `);
    await page.goto(host.url);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __sharp: number[] }).__sharp), { timeout: 30_000 }).toContain(1);
    // pdf.js drew the page: its canvas has ink.
    const ink = await page.locator('epaper-viewer .sheet[data-page="1"] canvas.base').evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 384) dark++;
      return dark / (data.length / 4);
    });
    expect(ink).toBeGreaterThan(0.01);
    // Saving for offline: the save worker starts from a blob: module too, and saves into the page's origin.
    const viewer = page.locator('epaper-viewer');
    await viewer.getByRole('button', { name: 'Saved editions', exact: true }).click();
    await viewer.getByRole('button', { name: /^Save .* for offline$/ }).click();
    await expect(viewer.locator('.saved-note')).toContainText('is saved for offline reading');
    expect(page.workers().filter((w) => w.url().startsWith('blob:')).length, 'pdf.js and the save worker').toBe(2);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await host.close();
  }
});
