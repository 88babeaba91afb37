import { expect, test } from '@playwright/test';
import { OLDER, events, open, record, shownPages, viewer, waitForSharp } from './helpers.js';

test.describe('a link to a page', () => {
  test('#2025-11-10/p/4 opens page 4 of that edition', async ({ page }) => {
    await open(page, '#2025-11-10/p/4', 4);
    expect(await shownPages(page)).toContain(4);
    await expect(viewer(page)).toHaveAttribute('page', '4');
  });

  test('#2025-11-09/p/2 opens the older edition at page 2', async ({ page }) => {
    await open(page, '#2025-11-09/p/2', 2);
    await expect(viewer(page).getByRole('combobox', { name: 'Edition' })).toHaveValue(OLDER);
    expect(await shownPages(page)).toContain(2);
  });

  test('a page past the end opens the last page', async ({ page }) => {
    await open(page, '#2025-11-10/p/99', 4);
    expect(await shownPages(page)).toContain(4);
  });

  test('a fragment that is not ours opens the newest front page', async ({ page }) => {
    await open(page, '#comments');
    expect(await shownPages(page)).toEqual([1]);
  });
});

test.describe('a link to a story', () => {
  test('#2025-11-10/a/council-budget opens its page and the story in the reader', async ({ page }) => {
    await record(page);
    await page.goto('/#2025-11-10/a/council-budget');
    await expect(viewer(page).getByRole('dialog', { name: 'Council budget leaves parks fund flat' })).toBeVisible();
    await waitForSharp(page, 3);
    expect(await shownPages(page)).toContain(3);
    // Opening it from the address is not something the reader did in this page.
    expect(await events(page, 'epaper-article-open')).toEqual([]);
  });

  test('an unknown story opens the edition without a panel', async ({ page }) => {
    await open(page, '#2025-11-10/a/no-such-story');
    await expect(viewer(page).getByRole('dialog')).toBeHidden();
  });
});

test.describe('the address bar as the reader moves', () => {
  test('follows page turns and stories, and back and forward retrace them', async ({ page }) => {
    await open(page);
    await viewer(page).evaluate((el) => el.setAttribute('view', 'single'));
    await viewer(page).getByRole('button', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/#2025-11-10\/p\/2$/);
    await viewer(page).getByRole('button', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/#2025-11-10\/p\/3$/);
    await viewer(page).getByRole('button', { name: 'Council budget leaves parks fund flat' }).click();
    await expect(page).toHaveURL(/#2025-11-10\/a\/council-budget$/);

    await page.goBack();
    await expect(page).toHaveURL(/#2025-11-10\/p\/3$/);
    await expect(viewer(page).getByRole('dialog')).toBeHidden();
    await page.goBack();
    await expect.poll(() => shownPages(page)).toEqual([2]);
    await page.goForward();
    await expect.poll(() => shownPages(page)).toEqual([3]);
    await page.goForward();
    await expect(viewer(page).getByRole('dialog', { name: 'Council budget leaves parks fund flat' })).toBeVisible();
  });

  test('follows the edition picker, and back returns to the newer edition', async ({ page }) => {
    await open(page);
    await viewer(page).getByRole('combobox', { name: 'Edition' }).selectOption(OLDER);
    await expect(page).toHaveURL(/#2025-11-09$/);
    await expect.poll(async () => (await events(page, 'epaper-edition-load')).length).toBe(2);
    await page.goBack();
    await expect(viewer(page).getByRole('combobox', { name: 'Edition' })).toHaveValue('2025-11-10');
  });

  test('closing a story keeps its page in the address', async ({ page }) => {
    await open(page, '#2025-11-10/a/ferry-fares');
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/#2025-11-10\/p\/1$/);
  });
});

test.describe('an embed without deep-links', () => {
  test('never touches the address bar', async ({ page }) => {
    await record(page);
    await page.goto('/#keep-me');
    await page.evaluate(() => {
      const embed = document.createElement('epaper-viewer');
      embed.setAttribute('src', 'editions/index.json');
      embed.style.height = '600px';
      document.querySelector('main')!.replaceChildren(embed);
    });
    await waitForSharp(page, 1);
    await page.locator('epaper-viewer').getByRole('button', { name: 'Next page' }).click();
    await expect.poll(async () => (await events(page, 'epaper-page-change')).length).toBe(1);
    expect(new URL(page.url()).hash).toBe('#keep-me');
  });
});
