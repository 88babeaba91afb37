/**
 * Shared steps for the viewer's browser tests. The test editions (from
 * tests/viewer/fixtures/make-edition.ts) are:
 *
 *   2025-11-10  4 pages  A1 front · A2 city · A3 city · A4 opinion
 *               ferry-fares starts on A1 and jumps to A3 ("Continued on page 3")
 *   2025-11-09  3 pages  A1 front · A2 city · A3 sport
 */
import { mkdir } from 'node:fs/promises';
import { type Locator, type Page, expect } from '@playwright/test';

export const NEWEST = '2025-11-10';
export const OLDER = '2025-11-09';

export interface Recorded {
  readonly type: string;
  readonly detail: Record<string, unknown>;
}

/**
 * Before any page script: record every `epaper-*` event reaching `window`,
 * CSP violations, and uncaught errors.
 */
export async function record(page: Page): Promise<void> {
  await page.addInitScript(`
    window.__events = [];
    window.__csp = [];
    for (const type of ['epaper-edition-load', 'epaper-page-change', 'epaper-article-open', 'epaper-page-render', 'epaper-page-view', 'epaper-error']) {
      window.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail, composed: e.composed, bubbles: e.bubbles }));
    }
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
    const canvases = [];
    const createElement = Document.prototype.createElement;
    Document.prototype.createElement = function (name, ...rest) {
      const element = createElement.call(this, name, ...rest);
      if (String(name).toLowerCase() === 'canvas') canvases.push(new WeakRef(element));
      return element;
    };
    window.__liveCanvases = () => canvases.map((r) => r.deref()).filter((c) => c && c.width * c.height > 0).length;
  `);
}

export async function events(page: Page, type?: string): Promise<Recorded[]> {
  const all = await page.evaluate(() => (window as unknown as { __events: Recorded[] }).__events);
  return type ? all.filter((e) => e.type === type) : all;
}

/** Canvases created since the page loaded that still hold pixels (released ones are 0 × 0). */
export async function liveCanvases(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __liveCanvases: () => number }).__liveCanvases());
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

/** The viewer element; Playwright's locators pierce its shadow root. */
export function viewer(page: Page): Locator {
  return page.locator('epaper-viewer');
}

/** Opens the site (optionally at a fragment) and waits for pdf.js's rendering of `sharpPage`. */
export async function open(page: Page, hash = '', sharpPage = 1): Promise<void> {
  await record(page);
  await page.goto(`/${hash}`);
  await waitForSharp(page, sharpPage);
}

/** Waits until page `n` has been rendered by pdf.js (its `epaper-page-render` with `sharp: true`). */
export async function waitForSharp(page: Page, n: number): Promise<void> {
  await expect
    .poll(async () => (await events(page, 'epaper-page-render')).some((e) => e.detail.page === n && e.detail.sharp === true))
    .toBe(true);
}

/** The page numbers on screen, from the sheets in the stage. */
export async function shownPages(page: Page): Promise<number[]> {
  return viewer(page)
    .locator('.sheet')
    .evaluateAll((sheets) => sheets.map((s) => Number((s as HTMLElement).dataset.page)));
}

export function pageBox(page: Page): Locator {
  return viewer(page).getByRole('textbox', { name: 'Page number' });
}

/** Share of pixels in page `n`'s base canvas darker than mid-grey: 0 for a blank page. */
export async function ink(page: Page, n: number): Promise<number> {
  return viewer(page)
    .locator(`.sheet[data-page="${n}"] canvas.base`)
    .evaluate((canvas: HTMLCanvasElement) => {
      const context = canvas.getContext('2d')!;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 384) dark++;
      return dark / (data.length / 4);
    });
}

/** Saves a screenshot as a test artifact under `test-results/screenshots/`. */
export async function artifact(page: Page, name: string): Promise<void> {
  await mkdir('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}
