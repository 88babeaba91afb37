/**
 * Steps shared by the offline browser tests: the "Saved editions" panel, and
 * a look straight into the viewer's IndexedDB store.
 */
import { type Page, expect } from '@playwright/test';
import { events, viewer } from './helpers.js';

/** Waits for a sharp rendering of page `n` of the edition of `date`, counting from the last `epaper-edition-load` of it. */
export async function waitForEdition(page: Page, date: string, n = 1): Promise<void> {
  await expect.poll(async () => (await events(page, 'epaper-edition-load')).at(-1)?.detail.date).toBe(date);
  await expect
    .poll(async () => {
      const all = await events(page);
      const start = all.findLastIndex((e) => e.type === 'epaper-edition-load');
      return all.slice(start).some((e) => e.type === 'epaper-page-render' && e.detail.page === n && e.detail.sharp === true);
    })
    .toBe(true);
}

/** Opens the "Saved editions" panel. */
export async function openLibrary(page: Page): Promise<void> {
  const button = viewer(page).getByRole('button', { name: 'Saved editions', exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

/** Saves the edition on screen from the panel and waits until it is saved. */
export async function saveShown(page: Page): Promise<void> {
  await openLibrary(page);
  await viewer(page).getByRole('button', { name: /^Save .* for offline$/ }).click();
  await expect(viewer(page).locator('.saved-note')).toContainText('is saved for offline reading');
}

/** Picks the edition of `date` in the toolbar's picker. */
export async function pick(page: Page, date: string): Promise<void> {
  await viewer(page).getByRole('combobox', { name: 'Edition' }).selectOption(date);
}

/** Every key in the viewer's store (`epaper` / `files`), sorted. */
export function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('epaper');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('files')) return resolve([]);
          const request = db.transaction('files').objectStore('files').getAllKeys();
          request.onsuccess = () => resolve(request.result.map(String));
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** Replaces the stored bytes under `key` with zeros of the same length, as a failing disk might. */
export function damageStoredFile(page: Page, key: string): Promise<void> {
  return page.evaluate(
    (key) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('epaper');
        open.onsuccess = () => {
          const store = open.result.transaction('files', 'readwrite').objectStore('files');
          const get = store.get(key);
          get.onsuccess = () => {
            store.put(new Uint8Array((get.result as Uint8Array).byteLength), key);
            store.transaction.oncomplete = () => resolve();
          };
          get.onerror = () => reject(get.error);
        };
      }),
    key,
  );
}

/** Editions' record keys (`edition:<date>`) in the store. */
export async function storedEditions(page: Page): Promise<string[]> {
  return (await storedKeys(page)).filter((k) => k.startsWith('edition:')).map((k) => k.slice('edition:'.length));
}

/** The saved record of `date`: its manifest's title and the catalog hash it was saved under. */
export function storedRecord(page: Page, date: string): Promise<{ title: string; sha256: string } | undefined> {
  return page.evaluate(
    (date) =>
      new Promise<{ title: string; sha256: string } | undefined>((resolve, reject) => {
        const open = indexedDB.open('epaper');
        open.onsuccess = () => {
          const get = open.result.transaction('files').objectStore('files').get(`edition:${date}`);
          get.onsuccess = () => resolve(get.result && { title: get.result.manifest.title, sha256: get.result.entry.sha256 });
          get.onerror = () => reject(get.error);
        };
      }),
    date,
  );
}
