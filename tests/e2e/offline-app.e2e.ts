import { expect, test } from '@playwright/test';
import { NEWEST, ink, open, viewer, waitForSharp } from './helpers.js';
import { saveShown } from './offline-helpers.js';

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the site opens with no network after one visit, and a saved edition renders from IndexedDB', async ({ page, context }) => {
    await open(page);
    await saveShown(page);
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await context.setOffline(true);
    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await waitForSharp(page, 1);
    expect(await ink(page, 1)).toBeGreaterThan(0.01);
    await expect(viewer(page).locator('.offline-note')).toContainText('only the editions saved on this device');
    await expect(viewer(page).getByRole('combobox', { name: 'Edition' }).locator('option')).toHaveCount(1);
    // The page PDFs came from IndexedDB: nothing under the edition's folder was even asked for.
    expect(requested.filter((url) => url.includes(`/editions/${NEWEST}/`))).toEqual([]);
  });

  test('with nothing saved, the offline site says so instead of showing a blank page', async ({ page, context }) => {
    await open(page);
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));
    await context.setOffline(true);
    await page.reload();
    await expect(viewer(page).getByRole('alert')).toContainText('You are offline, and no edition is saved on this device.');
  });

  test('the app shell is precached with the pdf.js worker and a web app manifest with icons', async ({ page }) => {
    await open(page);
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    });
    expect(cached.some((p) => /\/assets\/pdf\.worker\.min-[^/]+\.mjs$/.test(p))).toBe(true);
    expect(cached.some((p) => p.startsWith('/editions/'))).toBe(false);
    const manifest = await (await page.request.get('/manifest.webmanifest')).json();
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(['192x192', '512x512']);
    expect((await page.request.get(`/${manifest.icons[1].src}`)).headers()['content-type']).toBe('image/png');
  });
});

test.describe('without the service worker', () => {
  test.use({ serviceWorkers: 'block' });

  test('the offline reload fails: the service worker is what makes it work', async ({ page, context }) => {
    await open(page);
    await context.setOffline(true);
    await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    await context.setOffline(false);
  });
});
