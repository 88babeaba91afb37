import { expect, test } from '@playwright/test';
import { artifact, open, shownPages, viewer, waitForSharp } from './helpers.js';

test.describe('searching the edition', () => {
  test.beforeEach(async ({ page }) => {
    await open(page);
    await viewer(page).evaluate((el) => el.setAttribute('view', 'single'));
    await viewer(page).getByRole('button', { name: 'Search this edition' }).click();
  });

  test('lists every story with the word, with its page and headline, best first', async ({ page }) => {
    await viewer(page).getByRole('searchbox', { name: 'Search words' }).fill('ferry');
    const hits = viewer(page).locator('.hits button');
    await expect(viewer(page).getByText('5 stories found')).toBeVisible();
    await expect(hits.first()).toContainText('Page A1');
    await expect(hits.first()).toContainText('Ferry fares to rise 12 percent in January');
    await expect(hits.locator('mark').first()).toHaveText(/^ferry$/i);
    await artifact(page, 'search');
  });

  test('needs every word of the query', async ({ page }) => {
    await viewer(page).getByRole('searchbox', { name: 'Search words' }).fill('ferry pensioners');
    await expect(viewer(page).getByText('1 story found')).toBeVisible();
  });

  test('says when nothing is found', async ({ page }) => {
    await viewer(page).getByRole('searchbox', { name: 'Search words' }).fill('zeppelin');
    await expect(viewer(page).getByText('0 stories found')).toBeVisible();
  });

  test('choosing a hit goes to its page and highlights the story there', async ({ page }) => {
    await viewer(page).getByRole('searchbox', { name: 'Search words' }).fill('lifeguards');
    await viewer(page).locator('.hits button', { hasText: 'Council budget leaves parks fund flat' }).click();
    await expect.poll(() => shownPages(page)).toEqual([3]);
    await waitForSharp(page, 3);
    const hotspot = viewer(page).locator('.sheet[data-page="3"] .hotspot[data-article="council-budget"]');
    await expect(hotspot).toHaveClass(/highlight/);
    // Keyboard users land on the story: Enter opens it.
    await expect(hotspot).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(viewer(page).getByRole('dialog', { name: 'Council budget leaves parks fund flat' })).toBeVisible();
  });

  test('Enter in the box goes to the best hit', async ({ page }) => {
    await viewer(page).getByRole('searchbox', { name: 'Search words' }).fill('tide tables');
    await page.keyboard.press('Enter');
    await expect.poll(() => shownPages(page)).toEqual([4]);
  });

  test('Esc closes the panel and clears the highlight', async ({ page }) => {
    await viewer(page).getByRole('searchbox', { name: 'Search words' }).fill('library');
    await page.keyboard.press('Enter');
    await expect.poll(() => shownPages(page)).toEqual([2]);
    const hotspot = viewer(page).locator('.hotspot.highlight');
    await expect(hotspot).toHaveCount(1);
    await viewer(page).locator('.stage').focus();
    await page.keyboard.press('Escape');
    await expect(hotspot).toHaveCount(0);
  });
});
