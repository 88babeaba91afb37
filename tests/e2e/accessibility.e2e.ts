import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { open, viewer } from './helpers.js';

/**
 * Violations of WCAG 2.2 AA and axe's best practices, with one documented
 * exception: jump lines and index entries on the page (`.link`) are as small
 * as the printed words they cover, which at a fitted zoom is under WCAG 2.5.8's
 * 24 px. Growing them would overlap the next index entry, and each has an
 * equivalent control of full size (2.5.8's "Equivalent" exception): the
 * story's own hotspot opens the whole story, continuation included, and the
 * section tabs and page box reach every page.
 */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return result.violations
    .map((v) => ({
      id: v.id,
      nodes: v.nodes.filter((n) => !(v.id === 'target-size' && String(n.target.at(-1)).endsWith('.link'))).map((n) => n.target.join(' ')),
    }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id}: ${v.nodes.join(', ')}`);
}

test.describe('axe-core finds no violations', () => {
  test('on the front page', async ({ page }) => {
    await open(page);
    expect(await violations(page)).toEqual([]);
  });

  test('with the reader panel open', async ({ page }) => {
    await open(page, '#2025-11-10/a/ferry-fares');
    await expect(viewer(page).getByRole('dialog')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test('with search results', async ({ page }) => {
    await open(page);
    await viewer(page).getByRole('button', { name: 'Search this edition' }).click();
    await viewer(page).getByRole('searchbox', { name: 'Search words' }).fill('ferry');
    await expect(viewer(page).locator('.hits li')).not.toHaveCount(0);
    expect(await violations(page)).toEqual([]);
  });

  test('with the thumbnails', async ({ page }) => {
    await open(page);
    await viewer(page).getByRole('button', { name: 'All pages' }).click();
    expect(await violations(page)).toEqual([]);
  });

  test('with the saved editions panel, one edition saved', async ({ page }) => {
    await open(page);
    await viewer(page).getByRole('button', { name: 'Saved editions', exact: true }).click();
    await viewer(page).getByRole('button', { name: /^Save .* for offline$/ }).click();
    await expect(viewer(page).locator('.saved li')).toHaveCount(1);
    expect(await violations(page)).toEqual([]);
  });

  test('on a phone', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await open(page);
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  test('when the edition cannot be opened', async ({ page }) => {
    await page.route('**/editions/index.json', (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto('/');
    await expect(viewer(page).getByRole('alert')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
});

test.describe('every control', () => {
  test('has an accessible name and can be reached with Tab', async ({ page }) => {
    await open(page);
    const names = await viewer(page).evaluate((el) => {
      const controls = [...el.shadowRoot!.querySelectorAll('button, input, select, [tabindex]')] as HTMLElement[];
      return controls.filter((c) => !(c as HTMLButtonElement).disabled).map((c) => ({
        name: c.getAttribute('aria-label') ?? c.textContent?.trim() ?? '',
        tabbable: c.tabIndex >= 0,
      }));
    });
    expect(names.length).toBeGreaterThan(10);
    for (const control of names) {
      expect(control.name, JSON.stringify(control)).not.toBe('');
      expect(control.tabbable, JSON.stringify(control)).toBe(true);
    }
  });

  test('shows where the focus is', async ({ page }) => {
    await open(page);
    await viewer(page).locator('.stage').focus();
    await page.keyboard.press('Shift+Tab');
    const outline = await page.evaluate(() => {
      const active = document.querySelector('epaper-viewer')!.shadowRoot!.activeElement as HTMLElement;
      const style = getComputedStyle(active);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    expect(outline).toBe('solid 3px');
  });
});
