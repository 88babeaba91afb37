import { expect, test } from '@playwright/test';
import { NEWEST, artifact, events, open, viewer } from './helpers.js';

const FERRY = 'Ferry fares to rise 12 percent in January';

test.describe('a story on the page', () => {
  test('is a button named by its headline, reachable with Tab', async ({ page }) => {
    await open(page);
    const hotspot = viewer(page).getByRole('button', { name: FERRY, exact: true });
    await expect(hotspot).toHaveCount(1);
    await viewer(page).locator('.stage').focus();
    let focused = '';
    for (let i = 0; i < 5 && focused !== FERRY; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.querySelector('epaper-viewer')!.shadowRoot!.activeElement?.getAttribute('aria-label') ?? '');
    }
    expect(focused).toBe(FERRY);
  });

  test('opens the reader panel with that story as text', async ({ page }) => {
    await open(page);
    await viewer(page).getByRole('button', { name: FERRY, exact: true }).click();
    const dialog = viewer(page).getByRole('dialog', { name: FERRY });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(FERRY);
    await expect(dialog).toContainText('Sound Transit board cites fuel and crew costs');
    await expect(dialog).toContainText('By Mara Lindqvist');
    await expect(dialog.getByRole('heading', { level: 3, name: 'Commuters push back' })).toBeVisible();
    await expect(dialog.locator('em', { hasText: 'at a loss for three straight winters' })).toBeVisible();
    await expect(dialog.locator('strong', { hasText: '$2.25' })).toBeVisible();
    await expect(dialog.locator('blockquote')).toContainText('We heard every speaker');
    const opened = await events(page, 'epaper-article-open');
    expect(opened.map((e) => e.detail)).toEqual([{ id: 'ferry-fares', headline: FERRY, date: NEWEST }]);
    await artifact(page, 'reader-panel');
  });

  test('shows an opinion writer’s bio and a list', async ({ page }) => {
    await open(page, '#2025-11-10/p/4', 4);
    await viewer(page).getByRole('button', { name: 'Keep the tide tables on paper' }).click();
    await expect(viewer(page).getByRole('dialog')).toContainText('The writer was a harbour pilot in Port Ellery for thirty-one years.');
    await viewer(page).getByRole('button', { name: 'Next article' }).click();
    await expect(viewer(page).getByRole('dialog').locator('ul li')).toHaveCount(2);
  });
});

test.describe('the reader panel', () => {
  test.beforeEach(async ({ page }) => {
    await open(page);
    await viewer(page).getByRole('button', { name: FERRY, exact: true }).click();
    await expect(viewer(page).getByRole('dialog')).toBeVisible();
  });

  test('closes with Esc and gives focus back to the story on the page', async ({ page }) => {
    await page.keyboard.press('Escape');
    await expect(viewer(page).getByRole('dialog')).toBeHidden();
    const focused = await page.evaluate(() => document.querySelector('epaper-viewer')!.shadowRoot!.activeElement?.getAttribute('aria-label'));
    expect(focused).toBe(FERRY);
  });

  test('keeps the keys for itself: PageDown and Esc do not turn or zoom the page behind', async ({ page }) => {
    await page.keyboard.press('PageDown');
    await page.keyboard.press('End');
    expect(await events(page, 'epaper-page-change')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(viewer(page).getByRole('dialog')).toBeHidden();
    expect(await events(page, 'epaper-page-change')).toEqual([]);
  });

  test('closes with its close button', async ({ page }) => {
    await viewer(page).getByRole('button', { name: 'Close article' }).click();
    await expect(viewer(page).getByRole('dialog')).toBeHidden();
  });

  test('steps to the next and previous story of the edition', async ({ page }) => {
    const dialog = viewer(page).getByRole('dialog');
    await expect(viewer(page).getByRole('button', { name: 'Previous article' })).toBeDisabled();
    await viewer(page).getByRole('button', { name: 'Next article' }).click();
    await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Harbour lights return after three dark winters');
    await viewer(page).getByRole('button', { name: 'Next article' }).click();
    await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Quay Street library to stay open until nine');
    await viewer(page).getByRole('button', { name: 'Previous article' }).click();
    await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Harbour lights return after three dark winters');
  });

  test('makes the text larger and smaller', async ({ page }) => {
    const article = viewer(page).getByRole('dialog').locator('article p').first();
    const size = async () => Number.parseFloat(await article.evaluate((p) => getComputedStyle(p).fontSize));
    const before = await size();
    await viewer(page).getByRole('button', { name: 'Larger text' }).click();
    expect(await size()).toBeGreaterThan(before);
    await viewer(page).getByRole('button', { name: 'Smaller text' }).click();
    await viewer(page).getByRole('button', { name: 'Smaller text' }).click();
    expect(await size()).toBeLessThan(before);
  });

  test('switches to light text on a dark background', async ({ page }) => {
    const dialog = viewer(page).getByRole('dialog');
    const background = () => dialog.evaluate((d) => getComputedStyle(d).backgroundColor);
    const light = await background();
    await viewer(page).getByRole('button', { name: 'Dark', exact: true }).click();
    await expect(viewer(page).getByRole('button', { name: 'Dark', exact: true })).toHaveAttribute('aria-pressed', 'true');
    const dark = await background();
    expect(dark).not.toBe(light);
    const [r, g, b] = dark.match(/\d+/g)!.map(Number) as [number, number, number];
    expect(r + g + b).toBeLessThan(200);
  });

  test('reads the story aloud with the browser’s speech synthesis', async ({ page }) => {
    await page.evaluate(() => {
      const spoken: string[] = [];
      (window as unknown as { __spoken: string[] }).__spoken = spoken;
      speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void spoken.push(`${u.lang}: ${u.text}`);
    });
    await viewer(page).getByRole('button', { name: 'Listen' }).click();
    const spoken = await page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);
    expect(spoken[0]).toBe(`en-US: ${FERRY}`);
    expect(spoken.join(' ')).toContain('Monthly passes rise from $96 to $108.');
    await expect(viewer(page).getByRole('button', { name: 'Stop' })).toHaveAttribute('aria-pressed', 'true');
  });

  test('copies a link to the story', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await viewer(page).getByRole('button', { name: 'Copy link' }).click();
    await expect(viewer(page).getByRole('dialog').getByRole('status')).toHaveText('Link copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(copied).hash).toBe('#2025-11-10/a/ferry-fares');
  });
});
