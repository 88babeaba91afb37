import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { NEWEST, OLDER, events, ink, open, viewer, waitForSharp } from './helpers.js';
import { damageStoredFile, openLibrary, pick, saveShown, storedEditions, storedKeys, storedRecord, waitForEdition } from './offline-helpers.js';

/** The store's keys once the newest test edition is saved: the record, then each page's PDF and preview. */
const SAVED_NEWEST = [`edition:${NEWEST}`, ...[1, 2, 3, 4].flatMap((n) => [`file:${NEWEST}/pages/${n}.pdf`, `file:${NEWEST}/pages/${n}.webp`])];

test.describe('saving an edition', () => {
  test('stores the manifest and every page PDF, and shows progress while it runs', async ({ page }) => {
    await open(page);
    // Hold the last page's PDF back, so the progress bar can be seen mid-save.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/${NEWEST}/pages/4.pdf`, async (route) => {
      await held;
      await route.continue();
    });
    await openLibrary(page);
    await viewer(page).getByRole('button', { name: /^Save .* for offline$/ }).click();
    const progress = viewer(page).getByRole('progressbar');
    await expect(progress).toBeVisible();
    await expect(viewer(page).locator('.save-progress')).toContainText(/ of /);
    release();
    await expect(viewer(page).locator('.saved-note')).toContainText('is saved for offline reading');
    expect(await storedKeys(page)).toEqual(SAVED_NEWEST);
    await expect(viewer(page).locator(`.saved li[data-date="${NEWEST}"]`)).toContainText(/kB · saved/);
    // Listed with its front page, from the saved record.
    const cover = viewer(page).locator(`.saved li[data-date="${NEWEST}"] img.saved-cover`);
    await expect.poll(() => cover.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);
    expect(await cover.getAttribute('src')).toMatch(/^blob:/);
    await expect(viewer(page).getByRole('combobox', { name: 'Edition' }).locator('option', { hasText: '(saved)' })).toHaveCount(1);
  });

  test('leaves no partial edition when the connection is cut mid-download, and a retry saves it whole', async ({ page }) => {
    await open(page);
    let cut = true;
    await page.route(`**/${NEWEST}/pages/3.pdf`, (route) => (cut ? route.abort('internetdisconnected') : route.continue()));
    await openLibrary(page);
    await viewer(page).getByRole('button', { name: /^Save .* for offline$/ }).click();
    await expect(viewer(page).locator('.library-error')).toContainText('could not be saved: a file could not be downloaded');
    expect(await storedKeys(page)).toEqual([]);
    await expect(viewer(page).locator('.library')).toContainText('No edition is saved yet.');
    cut = false;
    await viewer(page).getByRole('button', { name: /^Save .* for offline$/ }).click();
    await expect(viewer(page).locator('.saved-note')).toBeVisible();
    expect(await storedKeys(page)).toEqual(SAVED_NEWEST);
  });

  test('gives a clear message when storage is full, and keeps the editions already saved', async ({ page }) => {
    await open(page, `#${OLDER}`);
    await saveShown(page);
    // A full disk: IndexedDB refuses writes with QuotaExceededError, in the save worker, which does the writing.
    const saver = page.workers().find((w) => w.url().includes('save-worker'));
    expect(saver, 'the save worker is running').toBeDefined();
    await saver!.evaluate(() => {
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await pick(page, NEWEST);
    await waitForEdition(page, NEWEST);
    await viewer(page).getByRole('button', { name: /^Save .* for offline$/ }).click();
    await expect(viewer(page).locator('.library-error')).toContainText('There is not enough storage space to save the edition of 2025-11-10');
    expect(await storedEditions(page)).toEqual([OLDER]);
    expect((await storedKeys(page)).filter((k) => k.includes(NEWEST))).toEqual([]);
  });

  test('is done by a worker, or by the page itself when no worker can start', async ({ page }) => {
    await open(page);
    await openLibrary(page);
    await expect.poll(() => page.workers().some((w) => w.url().includes('save-worker')), { message: 'the save worker starts with the panel' }).toBe(true);
    // The worker's script refused (as a stricter worker-src policy or a failed download would).
    const other = await page.context().newPage();
    await other.route('**/save-worker*', (route) => route.abort('blockedbyclient'));
    await open(other);
    await openLibrary(other);
    await viewer(other).getByRole('button', { name: /^Save .* for offline$/ }).click();
    await expect(viewer(other).locator('.saved-note')).toContainText('is saved for offline reading');
    expect(other.workers().some((w) => w.url().includes('save-worker'))).toBe(false);
    expect(await storedKeys(other)).toEqual(SAVED_NEWEST);
  });

  test('from two pages at once ends with one complete copy', async ({ page, context }) => {
    await open(page);
    const other = await context.newPage();
    await open(other);
    await Promise.all([openLibrary(page), openLibrary(other)]);
    await Promise.all([
      viewer(page).getByRole('button', { name: /^Save .* for offline$/ }).click(),
      viewer(other).getByRole('button', { name: /^Save .* for offline$/ }).click(),
    ]);
    await expect(viewer(page).locator('.saved-note')).toBeVisible();
    await expect(viewer(other).locator('.saved-note')).toBeVisible();
    expect(await storedKeys(page)).toEqual(SAVED_NEWEST);
  });
});

test.describe('with the keep-newest setting', () => {
  test('an older unpinned edition is evicted when a newer one is saved', async ({ page }) => {
    await open(page, `#${OLDER}`);
    await saveShown(page);
    await viewer(page).getByRole('combobox', { name: 'Keep the newest' }).selectOption('1');
    await pick(page, NEWEST);
    await waitForEdition(page, NEWEST);
    await saveShown(page);
    await expect.poll(() => storedEditions(page)).toEqual([NEWEST]);
  });

  test('a pinned edition is kept', async ({ page }) => {
    await open(page, `#${OLDER}`);
    await saveShown(page);
    await viewer(page).locator(`.saved li[data-date="${OLDER}"]`).getByRole('checkbox', { name: 'Pinned' }).check();
    await viewer(page).getByRole('combobox', { name: 'Keep the newest' }).selectOption('1');
    await pick(page, NEWEST);
    await waitForEdition(page, NEWEST);
    await saveShown(page);
    await expect(viewer(page).locator('.saved li')).toHaveCount(2);
    expect(await storedEditions(page)).toEqual([OLDER, NEWEST]);
  });
});

test.describe('with “Save the newest edition automatically”', () => {
  test('the newest edition is saved when the site opens online', async ({ page }) => {
    await open(page, `#${OLDER}`);
    await openLibrary(page);
    await viewer(page).getByRole('checkbox', { name: 'Save the newest edition automatically' }).check();
    expect(await storedEditions(page)).toEqual([]);
    await page.reload();
    await expect.poll(() => storedEditions(page)).toEqual([NEWEST]);
  });
});

test.describe('reading with no network', () => {
  test('a saved edition opens from IndexedDB with no request for its files', async ({ page, context }) => {
    await open(page, `#${OLDER}`);
    await saveShown(page);
    await pick(page, NEWEST);
    await waitForEdition(page, NEWEST);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await context.setOffline(true);
    await pick(page, OLDER);
    await waitForEdition(page, OLDER);
    expect(await ink(page, 1)).toBeGreaterThan(0.01);
    expect(requested.filter((url) => url.includes(`/${OLDER}/`))).toEqual([]);
  });

  test('an edition that is not saved gets a clear message naming the saved ones', async ({ page, context }) => {
    await open(page);
    await saveShown(page);
    await context.setOffline(true);
    await pick(page, OLDER);
    const alert = viewer(page).getByRole('alert');
    await expect(alert).toContainText('You are offline, and the edition of');
    await expect(alert).toContainText('is not saved on this device. Saved on this device:');
    await expect.poll(async () => (await events(page, 'epaper-error')).at(-1)?.detail.code).toBe('offline');
    await context.setOffline(false);
  });
});

test.describe('a saved copy', () => {
  test('whose stored bytes are damaged is detected when opened, discarded and fetched again', async ({ page }) => {
    await open(page);
    await saveShown(page);
    await damageStoredFile(page, `file:${NEWEST}/pages/1.pdf`);
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    await page.reload();
    await waitForSharp(page, 1);
    expect(await ink(page, 1)).toBeGreaterThan(0.01);
    expect(fetched.some((url) => url.endsWith(`/${NEWEST}/pages/1.pdf`))).toBe(true);
    await expect.poll(() => storedEditions(page)).toEqual([]);
  });

  test('of an edition corrected since is replaced when the catalog lists a new manifest hash', async ({ page }) => {
    await open(page);
    await saveShown(page);
    // The newsroom rebuilt the edition: a new manifest, and the catalog lists its hash.
    const original = await (await page.request.get(`/editions/${NEWEST}/edition.json`)).json();
    const corrected = JSON.stringify({ ...original, title: 'Corrected edition' });
    const sha256 = createHash('sha256').update(corrected).digest('hex');
    await page.route(`**/${NEWEST}/edition.json`, (route) => route.fulfill({ body: corrected, contentType: 'application/json' }));
    await page.route('**/editions/index.json', async (route) => {
      const catalog = await (await route.fetch()).json();
      catalog.editions.find((e: { date: string }) => e.date === NEWEST).sha256 = sha256;
      await route.fulfill({ json: catalog });
    });
    await page.reload();
    await waitForSharp(page, 1);
    await expect.poll(async () => (await storedRecord(page, NEWEST))?.title).toBe('Corrected edition');
    expect((await storedRecord(page, NEWEST))?.sha256).toBe(sha256);
  });
});
