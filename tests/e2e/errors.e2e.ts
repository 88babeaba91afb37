import { type Page, expect, test } from '@playwright/test';
import { events, record, shownPages, viewer, waitForSharp } from './helpers.js';

async function errors(page: Page) {
  return (await events(page, 'epaper-error')).map((e) => e.detail);
}

/** Opens the site with `url` answered by `answer`. */
async function openWith(page: Page, url: string, answer: Parameters<Page['route']>[1]): Promise<void> {
  await record(page);
  await page.route(url, answer);
  await page.goto('/');
}

test.describe('when the catalog', () => {
  test('is not on the server (404), the viewer says so and fires epaper-error', async ({ page }) => {
    await openWith(page, '**/editions/index.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await expect(viewer(page).getByRole('alert')).toContainText('The e-paper could not be opened');
    await expect(viewer(page).getByRole('alert')).toContainText('The list of editions was not found on the server (404).');
    await expect.poll(() => errors(page)).toEqual([
      expect.objectContaining({ scope: 'catalog', code: 'not-found', url: expect.stringMatching(/\/editions\/index\.json$/) }),
    ]);
  });

  test('cannot be reached, the viewer asks to check the connection', async ({ page }) => {
    await openWith(page, '**/editions/index.json', (route) => route.abort('connectionrefused'));
    await expect(viewer(page).getByRole('alert')).toContainText('the server did not answer. Check the connection and try again.');
    await expect.poll(async () => (await errors(page))[0]?.code).toBe('network');
  });

  test('fails with a server error, “Try again” loads it once the server is back', async ({ page }) => {
    let failing = true;
    await openWith(page, '**/editions/index.json', (route) => (failing ? route.fulfill({ status: 503, body: '' }) : route.continue()));
    await expect(viewer(page).getByRole('alert')).toContainText('the server answered 503');
    failing = false;
    await viewer(page).getByRole('button', { name: 'Try again' }).click();
    await waitForSharp(page, 1);
    await expect(viewer(page).getByRole('alert')).toBeHidden();
  });

  test('is not a catalog, the viewer calls it damaged and names the field', async ({ page }) => {
    await openWith(page, '**/editions/index.json', (route) => route.fulfill({ json: { editions: [] } }));
    await expect(viewer(page).getByRole('alert')).toContainText('The list of editions is damaged: editions should be a list with at least one edition.');
    await expect.poll(async () => (await errors(page))[0]?.code).toBe('malformed');
  });
});

test.describe('when the edition’s manifest', () => {
  test('is missing (404), the viewer says the edition could not be opened', async ({ page }) => {
    await openWith(page, '**/2025-11-10/edition.json', (route) => route.fulfill({ status: 404, body: '' }));
    await expect(viewer(page).getByRole('alert')).toContainText('This edition could not be opened');
    await expect(viewer(page).getByRole('alert')).toContainText('This edition was not found on the server (404).');
    await expect.poll(() => errors(page)).toEqual([expect.objectContaining({ scope: 'edition', code: 'not-found' })]);
  });

  test('is not JSON, the viewer calls it damaged', async ({ page }) => {
    await openWith(page, '**/2025-11-10/edition.json', (route) => route.fulfill({ body: '{"format": 1, "pages": [', contentType: 'application/json' }));
    await expect(viewer(page).getByRole('alert')).toContainText('This edition is damaged: its file is not valid JSON.');
    await expect.poll(async () => (await errors(page))[0]?.code).toBe('malformed');
  });

  test('has the wrong shape, the message names the field', async ({ page }) => {
    await openWith(page, '**/2025-11-10/edition.json', async (route) => {
      const manifest = await (await route.fetch()).json();
      delete manifest.pages[1].pdf;
      await route.fulfill({ json: manifest });
    });
    await expect(viewer(page).getByRole('alert')).toContainText('This edition is damaged: pages[1].pdf should be an object.');
  });

  test('is of a newer format, the viewer says which it reads', async ({ page }) => {
    await openWith(page, '**/2025-11-10/edition.json', async (route) => {
      const manifest = await (await route.fetch()).json();
      await route.fulfill({ json: { ...manifest, format: 2 } });
    });
    await expect(viewer(page).getByRole('alert')).toContainText('format should be 1 (this viewer reads format 1)');
  });

  test('fails, the edition picker still switches to another date', async ({ page }) => {
    await openWith(page, '**/2025-11-10/edition.json', (route) => route.fulfill({ status: 500, body: '' }));
    await expect(viewer(page).getByRole('alert')).toBeVisible();
    await viewer(page).getByRole('combobox', { name: 'Edition' }).selectOption('2025-11-09');
    await waitForSharp(page, 1);
    await expect(viewer(page).getByRole('alert')).toBeHidden();
  });
});

test.describe('when a page’s PDF', () => {
  test('is damaged, that page shows a message and the others still render', async ({ page }) => {
    await openWith(page, '**/2025-11-10/pages/1.pdf', (route) => route.fulfill({ body: '%PDF-1.7\nthis is not a PDF', contentType: 'application/pdf' }));
    const alert = viewer(page).locator('.sheet[data-page="1"]').getByRole('alert');
    await expect(alert).toContainText('Page 1 could not be displayed: its PDF is damaged.');
    await expect.poll(() => errors(page)).toEqual([expect.objectContaining({ scope: 'page', code: 'pdf', page: 1 })]);
    await viewer(page).evaluate((el) => el.setAttribute('view', 'single'));
    await viewer(page).getByRole('button', { name: 'Next page' }).click();
    await waitForSharp(page, 2);
    expect(await shownPages(page)).toEqual([2]);
  });

  test('is missing (404), that page says so', async ({ page }) => {
    await openWith(page, '**/2025-11-10/pages/1.pdf', (route) => route.fulfill({ status: 404, body: '' }));
    await expect(viewer(page).locator('.sheet[data-page="1"]').getByRole('alert')).toContainText('Page 1 was not found on the server (404).');
    await expect.poll(async () => (await errors(page))[0]).toEqual(expect.objectContaining({ scope: 'page', code: 'not-found', page: 1 }));
  });
});

test.describe('the host page', () => {
  test('keeps working when the viewer fails, and receives the error as a bubbling, composed event', async ({ page }) => {
    await openWith(page, '**/editions/index.json', (route) => route.fulfill({ status: 404, body: '' }));
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.textContent = 'Host button';
      button.addEventListener('click', () => (button.textContent = 'Host button works'));
      document.body.prepend(button);
    });
    await expect(viewer(page).getByRole('alert')).toBeVisible();
    await page.getByRole('button', { name: 'Host button' }).click();
    await expect(page.getByRole('button', { name: 'Host button works' })).toBeVisible();
    const recorded = (await events(page, 'epaper-error'))[0] as unknown as { composed: boolean; bubbles: boolean };
    expect([recorded.bubbles, recorded.composed]).toEqual([true, true]);
  });
});
