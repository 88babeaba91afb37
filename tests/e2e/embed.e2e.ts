/**
 * `<epaper-viewer>` living inside someone else's page: the example news site
 * (`examples/news-site/`) with its aggressive stylesheet, its own module and
 * two viewers, served with the strict Content-Security-Policy by
 * scripts/serve-example.ts; the element is the embed build
 * (`vite build --mode embed`), built here so the tests do not depend on dist/.
 */
import { mkdir } from 'node:fs/promises';
import { type Page, expect, test } from '@playwright/test';
import { CONTENT_SECURITY_POLICY, type ExampleServer } from '../../scripts/serve-example.js';
import {
  TODAY,
  YESTERDAY,
  analytics,
  computedStyles,
  cspViolations,
  events,
  ink,
  openExample,
  shownPages,
  startExample,
  styleDifferences,
  viewer,
  waitForSharp,
} from './embed-helpers.js';

// One worker builds and serves the example for every test of this file.
test.describe.configure({ mode: 'default' });

let example: ExampleServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  example = await startExample();
});

test.afterAll(async () => {
  await example?.close();
});

async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  await mkdir('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage });
}

/** Both viewers on screen with their first page drawn by pdf.js. */
async function bothRendered(page: Page): Promise<void> {
  await waitForSharp(page, 'today', 1);
  await waitForSharp(page, 'yesterday', 1);
}

test.describe('two viewers on one page', () => {
  test('each renders the first page of its own date', async ({ page }) => {
    await openExample(page, example.url);
    await bothRendered(page);
    await expect(viewer(page, 'today')).toHaveAttribute('date', TODAY);
    await expect(viewer(page, 'yesterday')).toHaveAttribute('date', YESTERDAY);
    await expect(viewer(page, 'today').getByRole('combobox', { name: 'Edition' })).toHaveValue(TODAY);
    await expect(viewer(page, 'yesterday').getByRole('combobox', { name: 'Edition' })).toHaveValue(YESTERDAY);
    expect(await ink(page, 'today', 1)).toBeGreaterThan(0.01);
    expect(await ink(page, 'yesterday', 1)).toBeGreaterThan(0.01);
    const loads = await events(page, 'epaper-edition-load');
    expect(loads.map((e) => [e.viewer, e.detail.date, e.detail.pages]).sort()).toEqual([
      ['today', TODAY, 4],
      ['yesterday', YESTERDAY, 3],
    ]);
    await screenshot(page, 'embed-news-site');
    await screenshot(page, 'embed-news-site-full', true);
  });

  test('turning a page or changing the date in one leaves the other where it was', async ({ page }) => {
    await openExample(page, example.url);
    await bothRendered(page);
    await viewer(page, 'today').getByRole('button', { name: 'Next page' }).click();
    await expect(viewer(page, 'today')).toHaveAttribute('page', '2');
    await waitForSharp(page, 'today', 2);
    expect(await shownPages(page, 'today')).toEqual([2]);
    expect(await shownPages(page, 'yesterday')).toEqual([1]);
    await expect(viewer(page, 'yesterday')).toHaveAttribute('page', '1');

    // The keyboard turns the focused viewer's pages only.
    await viewer(page, 'yesterday').getByRole('region', { name: 'Page A1' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(viewer(page, 'yesterday')).toHaveAttribute('page', '2');
    await expect(viewer(page, 'today')).toHaveAttribute('page', '2');
    // Without deep-links, the host's address stays its own.
    expect(page.url()).toBe(example.url);

    await viewer(page, 'yesterday').getByRole('combobox', { name: 'Edition' }).selectOption(TODAY);
    await expect(viewer(page, 'yesterday')).toHaveAttribute('date', TODAY);
    await expect(viewer(page, 'yesterday').getByRole('textbox', { name: 'Page number' })).toHaveValue('1');
    await expect(viewer(page, 'today')).toHaveAttribute('date', TODAY);
    await expect(viewer(page, 'today')).toHaveAttribute('page', '2');
    expect(await shownPages(page, 'today')).toEqual([2]);
  });
});

test.describe('the host page and the viewers talk through the public API', () => {
  test("the viewers' events reach the host's module", async ({ page }) => {
    // A page view takes 2 s of a page on screen.
    test.setTimeout(60_000);
    await openExample(page, example.url);
    await bothRendered(page);
    await expect.poll(async () => (await analytics(page)).filter((e) => e.type === 'epaper-edition-load').map((e) => [e.viewer, e.detail.date]).sort()).toEqual([
      ['today', TODAY],
      ['yesterday', YESTERDAY],
    ]);

    await viewer(page, 'today').getByRole('button', { name: 'Next page' }).click();
    await expect.poll(async () => (await analytics(page)).filter((e) => e.type === 'epaper-page-change')).toEqual([
      { type: 'epaper-page-change', viewer: 'today', detail: { page: 2, previousPage: 1, date: TODAY } },
    ]);

    // A page counts as seen after 2 s on screen (in the viewport: scrolled to it).
    await viewer(page, 'today').scrollIntoViewIfNeeded();
    await expect
      .poll(async () => (await analytics(page)).filter((e) => e.type === 'epaper-page-view' && e.viewer === 'today').map((e) => e.detail), { timeout: 15_000 })
      .toContainEqual({ date: TODAY, page: 2, label: 'A2', section: 'city', sectionTitle: 'City' });

    await viewer(page, 'today').getByRole('button', { name: 'Quay Street library to stay open until nine' }).click();
    await expect.poll(async () => (await analytics(page)).filter((e) => e.type === 'epaper-article-open').map((e) => [e.viewer, e.detail.id, e.detail.date])).toEqual([
      ['today', 'library-hours', TODAY],
    ]);
    await expect(page.locator('#analytics-log li[data-type="epaper-article-open"]')).toContainText('today');
  });

  test('host buttons call goToPage and openArticle on their own viewer only', async ({ page }) => {
    await openExample(page, example.url);
    await bothRendered(page);
    await page.getByRole('group', { name: 'Yesterday’s paper' }).getByRole('button', { name: 'Go to page 3' }).click();
    await expect(viewer(page, 'yesterday')).toHaveAttribute('page', '3');
    await waitForSharp(page, 'yesterday', 3);
    await expect(viewer(page, 'today')).toHaveAttribute('page', '1');
    // The host moved the page, not the reader: no epaper-page-change.
    expect(await events(page, 'epaper-page-change')).toEqual([]);

    const story = page.getByRole('group', { name: 'Today’s paper' }).getByRole('button', { name: 'Open first story' });
    await expect(story).toBeEnabled();
    const headline = await story.getAttribute('title');
    expect(headline).toBeTruthy();
    await story.click();
    const dialog = viewer(page, 'today').getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading', { level: 2 }).first()).toHaveText(headline!);
    await expect(viewer(page, 'yesterday').getByRole('dialog')).toBeHidden();
    await screenshot(page, 'embed-news-site-story');
  });

  test('save and clearSaved: the host saves an edition, and signing out removes it', async ({ page }) => {
    await openExample(page, example.url);
    await bothRendered(page);
    const picker = viewer(page, 'today').getByRole('combobox', { name: 'Edition' });
    await expect(picker.locator(`option[value="${TODAY}"]`)).not.toContainText('saved');
    await page.getByRole('button', { name: 'Save for offline reading' }).click();
    await expect(page.getByRole('button', { name: 'Saved on this device' })).toBeVisible();
    await expect(picker.locator(`option[value="${TODAY}"]`)).toContainText('saved');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByText('Signed out: saved editions removed')).toBeVisible();
    await expect(picker.locator(`option[value="${TODAY}"]`)).not.toContainText('saved');
  });

  test('requestHeaders and credentials go with the catalog, manifest and PDF requests of that viewer only', async ({ page, context }) => {
    await context.addCookies([{ name: 'courier-session', value: 'subscriber', url: example.url }]);
    // Before the page's scripts upgrade the elements: yesterday's viewer sends no cookies.
    await page.addInitScript(`
      new MutationObserver((_, observer) => {
        const v = document.getElementById('yesterday');
        if (v) { v.credentials = 'omit'; observer.disconnect(); }
      }).observe(document, { childList: true, subtree: true });
    `);
    const requests: { path: string; header: string | undefined; cookie: string | undefined }[] = [];
    page.on('request', async (request) => {
      const url = new URL(request.url());
      if (!url.pathname.startsWith('/epaper/editions/') || request.resourceType() === 'image') return;
      const headers = await request.allHeaders();
      requests.push({ path: url.pathname.replace('/epaper/editions/', ''), header: headers['x-courier-reader'], cookie: headers.cookie });
    });
    await openExample(page, example.url);
    await bothRendered(page);
    // The host module's own look-up of the first story (fetch with the viewer's options) counts too.
    const ofDate = (date: string) => requests.filter((r) => r.path.startsWith(`${date}/`));
    expect(ofDate(TODAY).map((r) => r.path)).toEqual(expect.arrayContaining([`${TODAY}/edition.json`, `${TODAY}/pages/1.pdf`]));
    expect(ofDate(YESTERDAY).map((r) => r.path)).toEqual(expect.arrayContaining([`${YESTERDAY}/edition.json`, `${YESTERDAY}/pages/1.pdf`]));
    for (const r of ofDate(TODAY)) expect(r, r.path).toMatchObject({ header: 'demo-subscriber', cookie: 'courier-session=subscriber' });
    for (const r of ofDate(YESTERDAY)) expect(r, r.path).toMatchObject({ header: undefined, cookie: undefined });
    const catalogs = requests.filter((r) => r.path === 'index.json');
    expect(catalogs).toContainEqual({ path: 'index.json', header: 'demo-subscriber', cookie: 'courier-session=subscriber' });
    expect(catalogs).toContainEqual({ path: 'index.json', header: undefined, cookie: undefined });
  });
});

test.describe('style isolation', () => {
  /**
   * Custom properties that matter: the viewer's private ones (the host page sets the same names on
   * :root) and its public ones (which the host sets only on the themed viewer).
   */
  const VIEWER_PROPERTIES = [
    '--_accent',
    '--_toolbar-bg',
    '--_toolbar-fg',
    '--_rule',
    '--_turn',
    '--epaper-background',
    '--epaper-toolbar-background',
    '--epaper-toolbar-color',
    '--epaper-accent',
    '--epaper-font',
  ];

  test("the host's CSS does not change the viewer's computed styles", async ({ browser }) => {
    // The styled page first: the size the host gives the viewer is the one thing the host decides.
    const styled = await browser.newPage();
    await openExample(styled, example.url);
    await waitForSharp(styled, 'today', 1);
    const box = (await viewer(styled, 'today').boundingBox())!;
    const plain = await browser.newPage();
    await openExample(plain, example.url, {
      hostCss: false,
      extraCss: `#today { width: ${box.width}px; height: ${box.height}px; }`,
    });
    await waitForSharp(plain, 'today', 1);

    // The same state in both: the front page drawn, and the reader panel open on the same story.
    for (const page of [styled, plain]) {
      expect(await viewer(page, 'today').evaluate((v) => (v as HTMLElement & { openArticle(id: string): boolean }).openArticle('ferry-fares'))).toBe(true);
      await expect(viewer(page, 'today').getByRole('dialog')).toBeVisible();
    }
    const snapshot = (page: Page) => computedStyles(viewer(page, 'today'), { shadow: true, customProperties: VIEWER_PROPERTIES });
    const differences = styleDifferences(await snapshot(plain), await snapshot(styled));
    await screenshot(styled, 'embed-isolation-styled');
    await screenshot(plain, 'embed-isolation-plain');

    // The comparison notices host CSS where it applies: the light DOM around the viewer.
    const article = (page: Page) => computedStyles(page.locator('main.article'), { shadow: false });
    expect(styleDifferences(await article(plain), await article(styled)).length).toBeGreaterThan(10);

    expect(differences, 'computed styles inside the viewer, without → with the host stylesheet').toEqual([]);
    await styled.close();
    await plain.close();
  });

  test("the viewer's CSS does not change the host page's computed styles", async ({ browser }) => {
    // Without the host's module, nothing on the page reacts to the viewers' events.
    const withViewer = await browser.newPage();
    await openExample(withViewer, example.url, { hostScript: false });
    await waitForSharp(withViewer, 'today', 1);
    await waitForSharp(withViewer, 'yesterday', 1);
    const withoutViewer = await browser.newPage();
    await openExample(withoutViewer, example.url, { hostScript: false, viewerScript: false });
    await expect(withoutViewer.locator('epaper-viewer:defined')).toHaveCount(0);

    const host = (page: Page) => computedStyles(page.locator(':root'), { shadow: false, skip: 'epaper-viewer, script[src$="epaper-viewer.js"]', customProperties: VIEWER_PROPERTIES });
    // Nothing added to the document: no <style> or <link>, no adopted sheet, no @font-face. pdf.js
    // loads each PDF's embedded fonts into document.fonts under names of its own (g_d0_f1 …).
    const documentLevel = (page: Page) =>
      page.evaluate(() => ({
        head: [...document.head.children].map((e) => e.outerHTML).filter((html) => !html.includes('epaper-viewer.js')),
        styleSheets: [...document.styleSheets].map((s) => s.href),
        adopted: document.adoptedStyleSheets.length,
        fonts: [...document.fonts].map((f) => f.family).filter((family) => !/^"?g_d\d+_f\d+"?$/.test(family)),
      }));
    expect(await documentLevel(withViewer)).toEqual(await documentLevel(withoutViewer));
    expect(styleDifferences(await host(withoutViewer), await host(withViewer)), 'host elements, without → with the viewer').toEqual([]);

    // The comparison notices a difference where there is one: the host styles the element itself
    // differently before it is defined (`epaper-viewer:not(:defined)`).
    const element = (page: Page) => page.locator('#today').evaluate((e) => getComputedStyle(e).backgroundImage);
    expect(await element(withoutViewer)).not.toEqual(await element(withViewer));
    await withViewer.close();
    await withoutViewer.close();
  });

  test('the house theme applies through custom properties and ::part()', async ({ page }) => {
    await openExample(page, example.url);
    await bothRendered(page);
    const toolbar = (id: 'today' | 'yesterday') =>
      viewer(page, id).evaluate((v) => {
        const bar = v.shadowRoot!.querySelector('[part~="toolbar"]')!;
        const style = getComputedStyle(bar);
        return { background: style.backgroundColor, borderBottom: `${style.borderBottomWidth} ${style.borderBottomStyle} ${style.borderBottomColor}` };
      });
    const currentSection = (id: 'today' | 'yesterday') =>
      viewer(page, id).locator('[part~="sections"] button[aria-current="true"]').evaluate((b) => getComputedStyle(b).color);
    const stage = (id: 'today' | 'yesterday') => viewer(page, id).locator('[part~="stage"]').evaluate((s) => getComputedStyle(s).fontFamily);
    expect(await toolbar('yesterday')).toEqual({ background: 'rgb(29, 27, 24)', borderBottom: '3px solid rgb(160, 40, 30)' });
    expect(await currentSection('yesterday')).toBe('rgb(224, 184, 74)');
    expect(await stage('yesterday')).toBe('Georgia, serif');
    // The theme is the sidebar viewer's alone.
    expect((await toolbar('today')).background).toBe('rgb(255, 255, 255)');
    expect(await currentSection('today')).toBe('rgb(11, 92, 173)');
  });
});

test.describe('Content-Security-Policy', () => {
  test('the page runs under the strict policy with no violation and no console error', async ({ page }) => {
    const { response, errors } = await openExample(page, example.url);
    expect(response.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    await bothRendered(page);
    // Open what draws more: a story in the reader panel, the thumbnails, the search panel.
    await page.getByRole('group', { name: 'Today’s paper' }).getByRole('button', { name: 'Open first story' }).click();
    await expect(viewer(page, 'today').getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(viewer(page, 'today').getByRole('dialog')).toBeHidden();
    await viewer(page, 'yesterday').getByRole('button', { name: 'All pages' }).click();
    await expect(viewer(page, 'yesterday').getByRole('complementary', { name: 'All pages' }).locator('img').first()).toBeVisible();
    await viewer(page, 'today').getByRole('button', { name: 'Search this edition' }).click();
    await viewer(page, 'today').getByRole('searchbox', { name: 'Search words' }).fill('ferry');
    await expect(viewer(page, 'today').getByRole('status').filter({ hasText: 'found' })).toBeVisible();
    await viewer(page, 'today').getByRole('button', { name: 'Next page' }).click();
    await waitForSharp(page, 'today', 2);

    expect(await cspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);

    // The listener hears a violation when there is one: an inline <style> is refused.
    await page.evaluate(() => document.head.append(Object.assign(document.createElement('style'), { textContent: 'body { color: red }' })));
    await expect.poll(() => cspViolations(page)).toEqual([expect.stringMatching(/^style-src-elem inline /)]);
  });
});
