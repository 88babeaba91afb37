import { expect, test } from '@playwright/test';
import { NEWEST, OLDER, events, open, shownPages, viewer, waitForSharp } from './helpers.js';

test.describe('the edition picker', () => {
  test('lists the catalog’s editions, newest first and selected', async ({ page }) => {
    await open(page);
    const picker = viewer(page).getByRole('combobox', { name: 'Edition' });
    await expect(picker.locator('option')).toHaveCount(2);
    expect(await picker.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual([NEWEST, OLDER]);
    await expect(picker).toHaveValue(NEWEST);
  });

  test('switches to the chosen date at its front page', async ({ page }) => {
    await open(page, '#2025-11-10/p/4', 4);
    await viewer(page).getByRole('combobox', { name: 'Edition' }).selectOption(OLDER);
    await waitForSharp(page, 1);
    await expect.poll(async () => (await events(page, 'epaper-edition-load')).map((e) => e.detail.date)).toEqual([NEWEST, OLDER]);
    expect(await shownPages(page)).toEqual([1]);
    await expect(viewer(page)).toHaveAttribute('date', OLDER);
    await expect(viewer(page).getByRole('navigation', { name: 'Sections' }).getByRole('button')).toHaveText(['Front Page', 'City', 'Sport']);
  });
});

test.describe('the host setting `date`', () => {
  test('opens that edition', async ({ page }) => {
    await open(page);
    await viewer(page).evaluate((el, date) => el.setAttribute('date', date), OLDER);
    await expect(viewer(page).getByRole('combobox', { name: 'Edition' })).toHaveValue(OLDER);
    await expect(viewer(page).locator('.count')).toHaveText('/ 3');
  });

  test('to a date without an edition shows a message', async ({ page }) => {
    await open(page);
    await viewer(page).evaluate((el) => el.setAttribute('date', '1999-01-01'));
    await expect(viewer(page).getByRole('alert')).toContainText('There is no edition for 1999-01-01.');
  });
});
