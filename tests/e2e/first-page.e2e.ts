import { expect, test } from '@playwright/test';
import { NEWEST, artifact, cspViolations, events, ink, open, pageBox, record, shownPages, viewer } from './helpers.js';

test.describe('opening the site', () => {
  test('shows the newest edition’s front page, rendered by pdf.js', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await open(page);
    expect(await shownPages(page)).toEqual([1]);
    await expect(viewer(page).getByRole('combobox', { name: 'Edition' })).toHaveValue(NEWEST);
    await expect(pageBox(page)).toHaveValue('1');
    // A rendered newspaper page has text and rules: a few percent of its pixels are dark.
    expect(await ink(page, 1)).toBeGreaterThan(0.01);
    expect(errors).toEqual([]);
    await artifact(page, 'front-page');
  });

  test('paints the preview image before pdf.js’s rendering', async ({ page }) => {
    await open(page);
    const renders = (await events(page, 'epaper-page-render')).filter((e) => e.detail.page === 1);
    expect(renders.map((e) => e.detail.sharp)).toEqual([false, true]);
  });

  test('announces the edition once with its date, title and page count', async ({ page }) => {
    await open(page);
    const loads = await events(page, 'epaper-edition-load');
    expect(loads.map((e) => e.detail)).toEqual([
      { date: NEWEST, title: 'Monday, November 10, 2025', publication: 'The Ellery Courier', pages: 4 },
    ]);
  });

  test('fires no page change on the first render', async ({ page }) => {
    await open(page);
    expect(await events(page, 'epaper-page-change')).toEqual([]);
  });

  test('sizes the canvas for the device pixel ratio', async ({ browser }) => {
    const context = await browser.newContext({ deviceScaleFactor: 2, viewport: { width: 1000, height: 700 } });
    const page = await context.newPage();
    await open(page);
    const { canvasWidth, cssWidth } = await viewer(page)
      .locator('.sheet[data-page="1"]')
      .evaluate((sheet) => ({ canvasWidth: sheet.querySelector<HTMLCanvasElement>('canvas.base')!.width, cssWidth: sheet.getBoundingClientRect().width }));
    expect(canvasWidth / cssWidth).toBeCloseTo(2, 1);
    await context.close();
  });

  test('works under the strict Content-Security-Policy without a violation', async ({ page }) => {
    const response = await (async () => {
      await record(page);
      return page.goto('/');
    })();
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect.poll(async () => (await events(page, 'epaper-page-render')).some((e) => e.detail.sharp)).toBe(true);
    // Open the reader and search too: they set styles and render article text.
    await viewer(page).getByRole('button', { name: 'Ferry fares to rise 12 percent in January', exact: true }).click();
    await expect(viewer(page).getByRole('dialog')).toBeVisible();
    expect(await cspViolations(page)).toEqual([]);
  });
});

test.describe('a view that shows spreads', () => {
  test('shows the front page alone and pages 2–3 facing each other', async ({ page }) => {
    await open(page);
    await viewer(page).evaluate((el) => el.setAttribute('view', 'spread'));
    await expect.poll(() => shownPages(page)).toEqual([1]);
    await viewer(page).evaluate((el) => el.setAttribute('page', '3'));
    await expect.poll(() => shownPages(page)).toEqual([2, 3]);
  });

  test('in single view shows one page at a time', async ({ page }) => {
    await open(page);
    await viewer(page).evaluate((el) => el.setAttribute('view', 'single'));
    await viewer(page).evaluate((el) => el.setAttribute('page', '3'));
    await expect.poll(() => shownPages(page)).toEqual([3]);
  });
});

test.describe('an edition built without preview images', () => {
  test.beforeEach(async ({ page }) => {
    await record(page);
    await page.route('**/edition.json', async (route) => {
      const manifest = await (await route.fetch()).json();
      for (const p of manifest.pages) delete p.preview;
      await route.fulfill({ json: manifest });
    });
    await page.goto('/');
  });

  test('shows the first page from pdf.js alone', async ({ page }) => {
    await expect.poll(async () => (await events(page, 'epaper-page-render')).map((e) => e.detail)).toEqual([{ page: 1, sharp: true }]);
    expect(await ink(page, 1)).toBeGreaterThan(0.01);
    await expect(viewer(page).locator('img.preview')).toHaveCount(0);
  });

  test('draws the thumbnails with pdf.js', async ({ page }) => {
    await viewer(page).getByRole('button', { name: 'All pages' }).click();
    await expect(viewer(page).locator('.thumbnails canvas.thumb')).toHaveCount(4);
    const inked = await viewer(page)
      .locator('.thumbnails canvas.thumb')
      .first()
      .evaluate((c: HTMLCanvasElement) => {
        const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark++;
        return dark;
      });
    expect(inked).toBeGreaterThan(100);
  });
});
