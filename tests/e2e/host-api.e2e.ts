/**
 * The API a host page uses: methods that move the viewer, subscriber access
 * (cookies, request headers, clearing saved editions on sign-out) and the
 * analytics events (a page on screen for 2 s; a story opened).
 */
import { type Page, expect, test } from '@playwright/test';
import { NEWEST, OLDER, events, open, record, shownPages, viewer, waitForSharp } from './helpers.js';
import { storedKeys } from './offline-helpers.js';

type Viewer = HTMLElement & {
  goToPage(page: number | string): boolean;
  openArticle(id: string): boolean;
  save(date?: string): Promise<void>;
  clearSaved(): Promise<void>;
  next(): void;
  page: number;
  requestHeaders: Record<string, string>;
  credentials: RequestCredentials;
  src: string;
  date: string;
};

/** Replaces the site's viewer with a new one configured by `setup` before it loads anything. */
async function freshViewer(page: Page, setup: string): Promise<void> {
  await page.evaluate((code) => {
    document.querySelector('epaper-viewer')?.remove();
    const element = document.createElement('epaper-viewer');
    // eslint-disable-next-line no-new-func -- the test's own code, run by Playwright (not under the page's CSP)
    (new Function('viewer', code) as (v: Element) => void)(element);
    document.querySelector('main')!.append(element);
  }, setup);
}

async function savedDates(page: Page): Promise<string[]> {
  return (await storedKeys(page)).filter((k) => k.startsWith('edition:')).map((k) => k.slice('edition:'.length));
}

test.describe('methods', () => {
  test('goToPage turns to a page by number or printed label, without a reader event', async ({ page }) => {
    await open(page);
    const moved = await viewer(page).evaluate((v: Viewer) => [v.goToPage(3), v.page]);
    expect(moved).toEqual([true, 3]);
    await waitForSharp(page, 3);
    expect(await viewer(page).evaluate((v: Viewer) => [v.goToPage('a2'), v.page])).toEqual([true, 2]);
    expect(await viewer(page).evaluate((v: Viewer) => [v.goToPage(99), v.goToPage('Z9'), v.page])).toEqual([false, false, 2]);
    expect(await events(page, 'epaper-page-change')).toEqual([]);
  });

  test('goToPage and openArticle called before the edition loads open it there', async ({ page }) => {
    await record(page);
    await page.goto('/');
    await freshViewer(page, `viewer.date = '${OLDER}'; viewer.goToPage(3); viewer.src = 'editions/index.json';`);
    await waitForSharp(page, 3);
    expect(await shownPages(page)).toContain(3);
    await freshViewer(page, `viewer.openArticle('council-budget'); viewer.src = 'editions/index.json';`);
    await expect(viewer(page).getByRole('dialog')).toBeVisible();
    await expect(viewer(page).getByRole('dialog').getByRole('heading', { level: 2 })).toContainText(/budget/i);
  });

  test('openArticle opens a story in the reader panel on its page; an unknown id is refused', async ({ page }) => {
    await open(page);
    expect(await viewer(page).evaluate((v: Viewer) => v.openArticle('council-budget'))).toBe(true);
    const dialog = viewer(page).getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading', { level: 2 })).toContainText(/budget/i);
    expect(await viewer(page).evaluate((v: Viewer) => v.page)).toBe(3);
    expect(await viewer(page).evaluate((v: Viewer) => v.openArticle('no-such-story'))).toBe(false);
    expect(await events(page, 'epaper-article-open')).toEqual([]);
  });

  test('save() stores the edition shown; clearSaved() removes every saved edition', async ({ page }) => {
    await open(page);
    await viewer(page).evaluate((v: Viewer) => v.save());
    await viewer(page).evaluate((v: Viewer, date: string) => v.save(date), OLDER);
    expect((await savedDates(page)).sort()).toEqual([OLDER, NEWEST]);
    await viewer(page).evaluate((v: Viewer) => v.clearSaved());
    expect(await savedDates(page)).toEqual([]);
    const refused = await viewer(page).evaluate((v: Viewer) => v.save('1999-01-01').then(() => 'saved', (e: Error) => e.message));
    expect(refused).toMatch(/no edition for 1999-01-01/);
  });
});

test.describe('subscriber access', () => {
  test('request headers and credentials go with every request for edition files, saves included', async ({ page }) => {
    // The site's own viewer first loads without headers; only requests after it is replaced count.
    await open(page);
    const seen: { url: string; type: string; auth?: string }[] = [];
    page.on('request', async (request) => {
      if (request.url().includes('/editions/')) seen.push({ url: request.url(), type: request.resourceType(), auth: (await request.allHeaders())['x-subscriber'] });
    });
    await freshViewer(page, `viewer.requestHeaders = { 'X-Subscriber': 'token-123' }; viewer.credentials = 'include'; viewer.src = 'editions/index.json';`);
    await expect.poll(async () => (await events(page, 'epaper-page-render')).filter((e) => e.detail.page === 1 && e.detail.sharp).length).toBe(2);
    await viewer(page).evaluate((v: Viewer) => v.save());
    await expect.poll(() => seen.filter((r) => r.url.endsWith('.pdf')).length).toBeGreaterThan(3);
    const files = seen.filter((r) => /index\.json|edition\.json|\.pdf$|\.webp$/.test(r.url));
    expect(files.filter((r) => r.auth !== 'token-123')).toEqual([]);
    expect(files.some((r) => r.url.endsWith('/index.json')) && files.some((r) => r.url.endsWith('/edition.json'))).toBe(true);
    // An <img> cannot send the header: preview images were fetched with it and shown from blob: URLs.
    expect(seen.filter((r) => r.url.endsWith('.webp')).length).toBeGreaterThan(0);
    expect(seen.filter((r) => r.type === 'image')).toEqual([]);
    const previews = await viewer(page).locator('img.preview').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src));
    expect(previews.every((src) => src.startsWith('blob:'))).toBe(true);
  });

  test('with request headers the preview image is still painted first, from its fetched bytes', async ({ page }) => {
    await open(page);
    await page.evaluate(() => {
      (window as unknown as { __events: unknown[] }).__events.length = 0;
    });
    await freshViewer(page, `viewer.requestHeaders = { 'X-Subscriber': 'token-123' }; viewer.src = 'editions/index.json';`);
    await expect.poll(async () => (await events(page, 'epaper-page-render')).map((e) => e.detail.sharp)).toEqual([false, true]);
  });

  test('a server that refuses the reader (401) gives a sign-in message and an unauthorized error event', async ({ page }) => {
    await page.route('**/editions/index.json', (route) => route.fulfill({ status: 401, body: 'sign in' }));
    await record(page);
    await page.goto('/');
    await expect(viewer(page).locator('[part="error"]')).toContainText(/subscribers.*Sign in/);
    const [error] = await events(page, 'epaper-error');
    expect(error?.detail).toMatchObject({ scope: 'catalog', code: 'unauthorized' });
  });
});

test.describe('analytics', () => {
  // Real time: these tests wait out the 2 s a page must stay on screen.
  test.describe.configure({ timeout: 45_000 });

  test('a page on screen for 2 s is one page view, with its label and section; nothing is sent anywhere', async ({ page }) => {
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('http://localhost')) outside.push(r.url());
    });
    await page.addInitScript(`
      window.__times = {};
      for (const type of ['epaper-page-render', 'epaper-page-view']) {
        window.addEventListener(type, () => { window.__times[type] ??= performance.now(); });
      }
    `);
    await open(page);
    await expect.poll(async () => (await events(page, 'epaper-page-view')).length, { timeout: 8000 }).toBe(1);
    const [view] = await events(page, 'epaper-page-view');
    expect(view!.detail).toEqual({ date: NEWEST, page: 1, label: 'A1', section: 'front', sectionTitle: expect.any(String) });
    // Counted 2 s after the page's first pixels, not before.
    const times = await page.evaluate(() => (window as unknown as { __times: Record<string, number> }).__times);
    expect(times['epaper-page-view']! - times['epaper-page-render']!).toBeGreaterThanOrEqual(1990);
    expect(outside).toEqual([]);
  });

  test('pages flipped past are not counted; the page the reader stays on is', async ({ page }) => {
    await page.setViewportSize({ width: 600, height: 800 }); // single pages, not spreads
    await open(page);
    await viewer(page).evaluate((v: Viewer) => {
      v.next();
      v.next();
      v.next();
    });
    await expect.poll(async () => (await events(page, 'epaper-page-view')).map((e) => e.detail.page), { timeout: 8000 }).toContain(4);
    const viewed = (await events(page, 'epaper-page-view')).map((e) => e.detail.page);
    expect(viewed).not.toContain(2);
    expect(viewed).not.toContain(3);
  });

  test('no page time counts while the viewer is scrolled out of sight or a story covers the page', async ({ page }) => {
    // The viewer below the fold from the start: page 1 is drawn, but never counts.
    await record(page);
    await page.addInitScript(`document.addEventListener('DOMContentLoaded', () => { document.querySelector('epaper-viewer').style.marginTop = '300vh'; });`);
    await page.goto('/');
    await waitForSharp(page, 1);
    await page.waitForTimeout(3000);
    expect(await events(page, 'epaper-page-view')).toEqual([]);
    // Back in sight: counted after 2 s.
    await viewer(page).evaluate((v) => {
      v.style.marginTop = '';
    });
    await expect.poll(async () => (await events(page, 'epaper-page-view')).length, { timeout: 8000 }).toBe(1);
    // A story open over page 3: page 3 is not counted while it stays open.
    await viewer(page).evaluate((v: Viewer) => v.openArticle('council-budget'));
    await page.waitForTimeout(3000);
    expect((await events(page, 'epaper-page-view')).map((e) => e.detail.page)).toEqual([1]);
  });
});
