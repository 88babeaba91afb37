/**
 * `npm run bench:viewer`: how fast the e-paper shows its pages.
 *
 * Builds the site, serves it with `vite preview` on localhost, and drives
 * headless Chromium with a cold cache (a fresh browser context per run).
 * Prints progress on stderr and one JSON object on the last line of stdout:
 *
 *   firstPageMs         navigation start → the first page's pixels (median)
 *   firstPageMsFast4g   the same under Fast-4G-like throttling (60 ms, 9 Mbit/s)
 *   pageTurnMs          "next page" key → that page's pixels (median over every turn)
 *   heapMbAfterFlipAll  JS heap after flipping through every page twice, after GC
 *   viewerJsGzipKb      the viewer's own JavaScript, gzipped (pdf.js excluded)
 *   offlineFirstPageMs  the newest edition saved, network off: navigation start → the first page's pixels (median)
 *   saveThroughputRatio time to fetch what a save downloads (manifest, page PDFs, previews) with plain `fetch` ÷ time to save the edition
 *
 * "Pixels" is the frame after the viewer's `epaper-page-render` event: the
 * preview image or pdf.js's canvas, whichever comes first. The figures for
 * the sharp rendering alone are printed too (`…SharpMs`).
 *
 * Options: `--runs N` (default 5), `--editions DIR` (default `public/editions`;
 * without one, the viewer's test editions are generated and used),
 * `--add-previews` (render preview images, as the build can, into a copy of
 * editions built without them; `--preview-format jpeg` to compare JPEG with
 * the build's WebP, `--preview-width N`), `--only first-page` (just the first page on
 * localhost), `--only offline` (just the two offline
 * figures), `--breakdown` (where a save's and an offline first page's time
 * goes, on stderr), `--out DIR` (where to build the site; default
 * `.cache/bench-site`).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { renderPagePreview } from '../src/build/render-preview.js';
import type { Catalog, EditionManifest } from '../src/manifest/types.js';
import { writeFixture } from '../tests/viewer/fixtures/make-edition.js';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';

const ROOT = resolve(import.meta.dirname, '..');

/** Chrome DevTools' "Fast 4G" preset, as the issue defines it. */
const FAST_4G = { offline: false, latency: 60, downloadThroughput: (9 * 1024 * 1024) / 8, uploadThroughput: (1.5 * 1024 * 1024) / 8 } as const;

/** How long the reader looks at a page before turning it (ms). The viewer prepares the next page meanwhile. */
const READING_PAUSE_MS = 1000;

const VIEWPORT = { width: 1280, height: 800 } as const;

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    editions: { type: 'string' },
    'add-previews': { type: 'boolean', default: false },
    'preview-width': { type: 'string', default: '800' },
    'preview-format': { type: 'string', default: 'webp' },
    only: { type: 'string' },
    out: { type: 'string' },
    breakdown: { type: 'boolean', default: false },
  },
});

const OUT = options.out ? resolve(options.out) : join(ROOT, '.cache', 'bench-site');

/** Preview width for `--add-previews`: 800 px is sharp enough for a fitted page on a phone at 2× or a laptop at 1×. */
const PREVIEW_WIDTH = Number(options['preview-width']);
const PREVIEW_FORMAT = options['preview-format'] === 'jpeg' ? 'jpeg' : 'webp';
const RUNS = Math.max(1, Number(options.runs));

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const m = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

async function buildSite(): Promise<string> {
  const editions = options.editions ? resolve(options.editions) : join(ROOT, 'public', 'editions');
  log('Building the site…');
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true } });
  if (!existsSync(join(editions, 'index.json'))) {
    log(`No editions in ${editions}; using the viewer's test editions.`);
    await writeFixture(join(OUT, 'editions'));
    return 'test fixture';
  }
  if (options.editions) {
    await rm(join(OUT, 'editions'), { recursive: true, force: true });
    await cp(editions, join(OUT, 'editions'), { recursive: true });
  }
  if (options['add-previews']) {
    const added = await addPreviews(join(OUT, 'editions'));
    log(`Added ${added} preview images (${PREVIEW_WIDTH} px ${PREVIEW_FORMAT}) to the copy being served.`);
    return `${editions} + previews`;
  }
  return editions;
}

/** Renders a preview for every page without one, as the edition build can, and records it in the manifests. */
async function addPreviews(dir: string): Promise<number> {
  const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  const catalog = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as Catalog;
  let added = 0;
  const entries = [];
  for (const entry of catalog.editions) {
    const file = join(dir, entry.manifest);
    const base = join(file, '..');
    const manifest = JSON.parse(await readFile(file, 'utf8')) as EditionManifest;
    const pages = [];
    for (const page of manifest.pages) {
      if (page.preview) {
        pages.push(page);
        continue;
      }
      const image = await renderPagePreview(await readFile(join(base, page.pdf.url)), { width: PREVIEW_WIDTH, quality: 75, format: PREVIEW_FORMAT });
      const url = page.pdf.url.replace(/\.pdf$/, PREVIEW_FORMAT === 'jpeg' ? '.jpg' : '.webp');
      await writeFile(join(base, url), image.bytes);
      pages.push({ ...page, preview: { url, bytes: image.bytes.byteLength, sha256: sha256(image.bytes), width: image.width, height: image.height, type: image.type } });
      added++;
    }
    const bytes = new TextEncoder().encode(JSON.stringify({ ...manifest, pages }));
    await writeFile(file, bytes);
    entries.push({ ...entry, sha256: sha256(bytes) });
  }
  await writeFile(join(dir, 'index.json'), JSON.stringify({ editions: entries }));
  return added;
}

async function viewerJsGzipKb(): Promise<number> {
  const dir = join(OUT, 'assets');
  let bytes = 0;
  for (const name of await readdir(dir)) {
    if (!/\.(m?js)$/.test(name) || name.startsWith('pdfjs-') || name.startsWith('pdf.worker')) continue;
    bytes += gzipSync(await readFile(join(dir, name)), { level: 9 }).byteLength;
  }
  return Math.round((bytes / 1024) * 10) / 10;
}

/** Records every `epaper-page-render` with the time of the frame that shows it, and each key press. */
function recorder(): void {
  const w = window as unknown as { __paints: Paint[]; __keys: number[]; __waiters: (() => void)[] };
  w.__paints = [];
  w.__keys = [];
  w.__waiters = [];
  window.addEventListener('epaper-page-render', (e) => {
    const { page, sharp } = (e as CustomEvent<{ page: number; sharp: boolean }>).detail;
    requestAnimationFrame(() => {
      w.__paints.push({ page, sharp, t: performance.now() });
      for (const wake of w.__waiters.splice(0)) wake();
    });
  });
  window.addEventListener('keydown', (e) => w.__keys.push(e.timeStamp), { capture: true });
}

interface Paint {
  readonly page: number;
  readonly sharp: boolean;
  readonly t: number;
}

async function paints(page: Page): Promise<Paint[]> {
  return page.evaluate(() => (window as unknown as { __paints: Paint[] }).__paints);
}

/** The first paint of `pageNo` (sharp, if asked) at or after `after`, waiting for it without polling. */
async function waitForPaint(page: Page, pageNo: number, sharp: boolean, after = 0): Promise<Paint> {
  return page.evaluate(
    ([n, s, t]) =>
      new Promise<Paint>((resolve) => {
        const w = window as unknown as { __paints: Paint[]; __waiters: (() => void)[] };
        const check = () => {
          const found = w.__paints.find((p) => p.page === n && (!s || p.sharp) && p.t >= t);
          if (found) resolve(found);
          else w.__waiters.push(check);
        };
        check();
      }),
    [pageNo, sharp, after] as const,
  );
}

async function open(browser: Browser, url: string, throttle: boolean): Promise<{ context: BrowserContext; page: Page }> {
  // No service worker: these figures are for the online viewer on a first visit (see `offline` for the other case).
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  const page = await context.newPage();
  if (throttle) {
    // Only when throttling: the DevTools network domain slows every request a little.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', FAST_4G);
  }
  // tsx compiles this file with esbuild's keepNames, whose `__name` helper functions sent to the page call.
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.addInitScript(recorder);
  await page.goto(url, { waitUntil: 'commit' });
  return { context, page };
}

async function firstPage(browser: Browser, url: string, throttle: boolean): Promise<{ pixels: number; sharp: number }> {
  const { context, page } = await open(browser, url, throttle);
  const sharp = await waitForPaint(page, 1, true);
  const first = (await paints(page)).find((p) => p.page === 1)!;
  await context.close();
  return { pixels: first.t, sharp: sharp.t };
}

async function flipping(browser: Browser, url: string): Promise<{ turns: number[]; sharpTurns: number[]; heapMb: number; heapMb6: number; pages: number }> {
  const { context, page } = await open(browser, url, false);
  const cdp = await context.newCDPSession(page);
  await waitForPaint(page, 1, true);
  const pages = await page.evaluate(() => Number(document.querySelector('epaper-viewer')!.shadowRoot!.querySelector('.count')!.textContent!.replace(/\D/g, '')));
  const spread = async () => page.evaluate(() => [...document.querySelector('epaper-viewer')!.shadowRoot!.querySelectorAll('.sheet')].map((s) => Number((s as HTMLElement).dataset.page)));
  const turns: number[] = [];
  const sharpTurns: number[] = [];
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return Math.round((usedSize / 2 ** 20) * 10) / 10;
  };
  const flipThrough = async (measure: boolean) => {
    await page.keyboard.press('Home');
    for (;;) {
      const shown = await spread();
      if (shown.includes(pages)) break;
      if (measure) await page.waitForTimeout(READING_PAUSE_MS);
      await page.keyboard.press('ArrowRight');
      const target = Math.max(...shown) + 1;
      const keyAt = await page.evaluate(() => (window as unknown as { __keys: number[] }).__keys.at(-1)!);
      const pixels = await waitForPaint(page, target, false, keyAt);
      if (measure) {
        turns.push(pixels.t - keyAt);
        sharpTurns.push((await waitForPaint(page, target, true, keyAt)).t - keyAt);
      }
    }
  };
  await flipThrough(true);
  await flipThrough(false);
  const heapMb = await heap();
  for (let i = 0; i < 4; i++) await flipThrough(false);
  const heapMb6 = await heap();
  await context.close();
  return { turns, sharpTurns, heapMb, heapMb6, pages };
}

/** Milliseconds from clicking "Save … for offline" (in the open Saved editions panel) to "… is saved". */
function timeSave(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const root = document.querySelector('epaper-viewer')!.shadowRoot!;
        performance.clearMarks();
        performance.clearResourceTimings();
        const w = window as unknown as { __longTasks: number; __longTaskObserver?: PerformanceObserver };
        w.__longTasks = 0;
        w.__longTaskObserver?.disconnect();
        w.__longTaskObserver = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) w.__longTasks += entry.duration;
        });
        w.__longTaskObserver.observe({ type: 'longtask' });
        const t0 = performance.mark('save-click').startTime;
        const observer = new MutationObserver(() => {
          if (!root.querySelector('.saved-note')) return;
          observer.disconnect();
          resolve(performance.now() - t0);
        });
        observer.observe(root, { subtree: true, childList: true });
        root.querySelector<HTMLButtonElement>('.library .save')!.click();
      }),
  );
}

/** The files a save of the newest edition downloads: its manifest, and each page's PDF and preview (absolute URLs). */
interface SavedFiles {
  readonly manifest: string;
  readonly files: readonly string[];
}

function savedFiles(page: Page): Promise<SavedFiles> {
  return page.evaluate(async () => {
    const catalogUrl = new URL('editions/index.json', document.baseURI);
    const catalog = (await (await fetch(catalogUrl)).json()) as { editions: { date: string; manifest: string }[] };
    const entry = catalog.editions.reduce((a, b) => (b.date > a.date ? b : a));
    const manifestUrl = new URL(entry.manifest, catalogUrl);
    const manifest = (await (await fetch(manifestUrl)).json()) as { pages: { pdf: { url: string }; preview?: { url: string } }[] };
    const files = manifest.pages.flatMap((p) => (p.preview ? [p.pdf.url, p.preview.url] : [p.pdf.url]));
    return { manifest: manifestUrl.href, files: files.map((url) => new URL(url, manifestUrl).href) };
  });
}

/** Milliseconds to fetch the files a save downloads (the same bytes) with plain `fetch`, all at once. */
function timeFetch(page: Page, saved: SavedFiles): Promise<number> {
  return page.evaluate(async (urls) => {
    const t0 = performance.now();
    await Promise.all(urls.map(async (url) => (await fetch(url)).arrayBuffer()));
    return performance.now() - t0;
  }, [saved.manifest, ...saved.files]);
}

/**
 * Where a save's time goes (`--breakdown`): each stage on its own, in the page, over the files a save
 * stores: the downloads, SHA-256 one file after another and all at once, and one IndexedDB transaction
 * writing them as `Uint8Array`s and as `Blob`s (into a scratch database).
 */
function saveStages(page: Page, saved: SavedFiles): Promise<Record<string, number>> {
  return page.evaluate(async (urls) => {
    const t0 = performance.now();
    const files = await Promise.all(urls.map(async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer())));
    const t1 = performance.now();
    for (const bytes of files) await crypto.subtle.digest('SHA-256', bytes);
    const t2 = performance.now();
    await Promise.all(files.map((bytes) => crypto.subtle.digest('SHA-256', bytes)));
    const t3 = performance.now();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('epaper-bench');
      open.onupgradeneeded = () => open.result.createObjectStore('files');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const write = (values: unknown[]) =>
      new Promise<void>((resolve, reject) => {
        const tx = db.transaction('files', 'readwrite');
        const store = tx.objectStore('files');
        store.clear();
        values.forEach((v, i) => store.put(v, i));
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    const t4 = performance.now();
    await write(files);
    const t5 = performance.now();
    await write(files.map((bytes) => new Blob([bytes])));
    const t6 = performance.now();
    const records = await new Promise<unknown[]>((resolve, reject) => {
      const open = indexedDB.open('epaper');
      open.onsuccess = () => {
        const get = open.result.transaction('files').objectStore('files').getAll(IDBKeyRange.bound('edition:', 'edition:\uffff'));
        get.onsuccess = () => resolve(get.result);
        get.onerror = () => reject(get.error);
      };
      open.onerror = () => reject(open.error);
    });
    const t7 = performance.now();
    await navigator.storage.estimate();
    const t8 = performance.now();
    // The save's pipeline, one stage added at a time: download and hash each file, then also store each.
    const get = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());
    const t9 = performance.now();
    await Promise.all(urls.map(async (url) => crypto.subtle.digest('SHA-256', await get(url))));
    const t10 = performance.now();
    await Promise.all(
      urls.map(async (url, i) => {
        const bytes = await get(url);
        await crypto.subtle.digest('SHA-256', bytes);
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('files', 'readwrite');
          tx.objectStore('files').put(bytes, i);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }),
    );
    const t11 = performance.now();
    await Promise.all(urls.map((url) => get(url)));
    const t12 = performance.now();
    db.close();
    indexedDB.deleteDatabase('epaper-bench');
    return {
      files: files.length,
      fetch: t1 - t0,
      hashSerial: t2 - t1,
      hashParallel: t3 - t2,
      idbBytes: t5 - t4,
      idbBlobs: t6 - t5,
      readRecords: t7 - t6,
      records: records.length,
      estimate: t8 - t7,
      fetchHash: t10 - t9,
      fetchHashStore: t11 - t10,
      fetchAgain: t12 - t11,
    };
  }, saved.files);
}

/** Marks when preview images start and finish decoding and when a worker is created (`--breakdown`). */
function markSteps(): void {
  const decode = HTMLImageElement.prototype.decode;
  HTMLImageElement.prototype.decode = function (this: HTMLImageElement) {
    performance.mark('img-loaded');
    return decode.call(this).finally(() => performance.mark('img-decoded'));
  };
  const NativeWorker = Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      performance.mark('worker-new');
      super(url, options);
    }
  };
  document.addEventListener('DOMContentLoaded', () => {
    void customElements.whenDefined('epaper-viewer').then(() => performance.mark('element-defined'));
  });
}

/** Navigation start → when each step of an offline first page happened (`--breakdown`). */
function firstPageSteps(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const steps: Record<string, number> = {
      html: nav.responseEnd,
      domInteractive: nav.domInteractive,
      domContentLoaded: nav.domContentLoadedEventEnd,
    };
    for (const r of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
      if (/\/assets\/index-.*\.js$/.test(r.name)) steps.appJs = r.responseEnd;
    }
    for (const m of performance.getEntriesByType('mark')) steps[m.name] = m.startTime;
    return steps;
  });
}

/**
 * Saving the newest edition (timed against plain fetches of its files, with the HTTP cache off for
 * both), then opening the site with no network: the app from the service worker, pages from IndexedDB.
 */
async function offline(browser: Browser, url: string): Promise<{ firstPage: number[]; fetchMs: number[]; saveMs: number[] }> {
  const breakdown = options.breakdown;
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.addInitScript(recorder);
  if (options.breakdown) await page.addInitScript(markSteps);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(url);
  await waitForPaint(page, 1, true);
  const viewer = page.locator('epaper-viewer');
  await viewer.getByRole('button', { name: 'Saved editions', exact: true }).click();
  const fetchMs: number[] = [];
  const saveMs: number[] = [];
  const stages: Record<string, number>[] = [];
  const saveSteps: Record<string, number>[] = [];
  const files = await savedFiles(page);
  for (let i = 0; i < RUNS; i++) {
    if (breakdown) stages.push(await saveStages(page, files));
    fetchMs.push(await timeFetch(page, files));
    saveMs.push(await timeSave(page));
    if (breakdown) {
      saveSteps.push(
        await page.evaluate(() => {
          const t0 = performance.getEntriesByName('save-click')[0]!.startTime;
          const steps: Record<string, number> = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime - t0]));
          // The save's requests: when the first started and the last ended (only when the page made them: a
          // save in the save worker keeps its resource timings there); and the main thread's long tasks meanwhile.
          const requests = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.startTime >= t0 && r.name.includes('/editions/'));
          if (requests.length > 0) {
            steps.firstRequest = Math.min(...requests.map((r) => r.startTime)) - t0;
            steps.lastResponseEnd = Math.max(...requests.map((r) => r.responseEnd)) - t0;
          }
          steps.longTasks = (window as unknown as { __longTasks: number }).__longTasks;
          return steps;
        }),
      );
    }
    if (i < RUNS - 1) {
      await viewer.locator('.saved-delete').first().click();
      await viewer.locator('.library .save').waitFor();
    }
  }
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  await context.setOffline(true);
  const firstPage: number[] = [];
  const steps: Record<string, number>[] = [];
  // One throwaway run: the first navigation through the service worker starts it.
  for (let i = 0; i <= RUNS; i++) {
    await page.goto(url, { waitUntil: 'commit' });
    const pixels = await waitForPaint(page, 1, false);
    if (i > 0) firstPage.push(pixels.t);
    if (i > 0 && breakdown) steps.push({ ...(await firstPageSteps(page)), pixels: pixels.t });
  }
  if (breakdown) {
    log(`save stages, medians (ms): ${medians(stages)}`);
    log(`a save, medians (ms from the click): ${medians(saveSteps)}`);
    log(`offline first page, medians (ms from navigation start): ${medians(steps)}`);
  }
  await context.close();
  return { firstPage, fetchMs, saveMs };
}

/** `key median, …` over every key of `runs`, in order of the median. */
function medians(runs: readonly Record<string, number>[]): string {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  return keys
    .map((k) => [k, median(runs.map((r) => r[k]).filter((v): v is number => v !== undefined))] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

type OfflineRuns = Awaited<ReturnType<typeof offline>>;

function logOffline(saved: OfflineRuns): void {
  log(`saving the newest edition: fetch ${saved.fetchMs.map((t) => t.toFixed(0)).join(' ')} ms; save ${saved.saveMs.map((t) => t.toFixed(0)).join(' ')} ms`);
  log(`first page offline, from IndexedDB: ${saved.firstPage.map((t) => t.toFixed(0)).join(' ')} ms`);
}

function offlineFigures(saved: OfflineRuns): { offlineFirstPageMs: number; saveThroughputRatio: number } {
  return {
    offlineFirstPageMs: median(saved.firstPage),
    saveThroughputRatio: Math.round((median(saved.fetchMs) / median(saved.saveMs)) * 100) / 100,
  };
}

async function main(): Promise<void> {
  const editions = await buildSite();
  const server = await preview({ root: ROOT, logLevel: 'warn', build: { outDir: OUT }, preview: { port: 4190, strictPort: false, open: false } });
  const url = server.resolvedUrls!.local[0]!;
  const { executablePath } = findChromium();
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
  try {
    log(`Editions: ${editions}; site at ${url}; ${RUNS} runs per figure.`);
    if (options.only === 'offline') {
      const saved = await offline(browser, url);
      logOffline(saved);
      console.log(JSON.stringify({ ...offlineFigures(saved), runs: RUNS }));
      return;
    }
    // One throwaway run warms up the server and the browser process, as a user's warm OS would be.
    await firstPage(browser, url, false);
    const local = [];
    for (let i = 0; i < RUNS; i++) local.push(await firstPage(browser, url, false));
    log(`first page, localhost: ${local.map((r) => `${r.pixels.toFixed(0)}/${r.sharp.toFixed(0)}`).join(' ')} ms (pixels/sharp)`);
    if (options.only === 'first-page') {
      console.log(JSON.stringify({ firstPageMs: median(local.map((r) => r.pixels)), firstPageSharpMs: median(local.map((r) => r.sharp)), runs: RUNS }));
      return;
    }
    const fast4g = [];
    for (let i = 0; i < RUNS; i++) fast4g.push(await firstPage(browser, url, true));
    log(`first page, Fast 4G: ${fast4g.map((r) => `${r.pixels.toFixed(0)}/${r.sharp.toFixed(0)}`).join(' ')} ms (pixels/sharp)`);
    const flips = await flipping(browser, url);
    log(`page turns (${flips.pages} pages): ${flips.turns.map((t) => t.toFixed(0)).join(' ')} ms; sharp: ${flips.sharpTurns.map((t) => t.toFixed(0)).join(' ')} ms`);
    log(`heap after flipping through twice: ${flips.heapMb} MB; after six times: ${flips.heapMb6} MB`);
    const saved = await offline(browser, url);
    logOffline(saved);
    const result = {
      firstPageMs: median(local.map((r) => r.pixels)),
      firstPageMsFast4g: median(fast4g.map((r) => r.pixels)),
      pageTurnMs: median(flips.turns),
      heapMbAfterFlipAll: flips.heapMb,
      viewerJsGzipKb: await viewerJsGzipKb(),
      ...offlineFigures(saved),
      firstPageSharpMs: median(local.map((r) => r.sharp)),
      firstPageSharpMsFast4g: median(fast4g.map((r) => r.sharp)),
      pageTurnSharpMs: median(flips.sharpTurns),
      heapMbAfterFlipAll6x: flips.heapMb6,
      pages: flips.pages,
      runs: RUNS,
    };
    console.log(JSON.stringify(result));
  } finally {
    await browser.close();
    await server.close();
  }
}

await mkdir(join(ROOT, '.cache'), { recursive: true });
await main();
