import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  OfflineError,
  type UseStore,
  deleteAll,
  deleteEdition,
  evictOldest,
  loadSavedFile,
  saveEdition,
  savedEdition,
  savedEditions,
  setPinned,
  verifySaved,
} from '../../src/offline/index.js';
import { fileKey } from '../../src/offline/store.js';
import { CATALOG_URL, type FakeServer, fakeServer, memoryEdition } from './memory-edition.js';

const NOV_10 = memoryEdition('2025-11-10');
const NOV_09 = memoryEdition('2025-11-09');
let store: UseStore;
let server: FakeServer;
let databases = 0;

beforeEach(() => {
  store = createStore(`epaper-test-${databases++}`, 'files');
  server = fakeServer(NOV_10, NOV_09);
  vi.stubGlobal('fetch', server.fetch);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Every key in the test store. */
function allKeys(): Promise<IDBValidKey[]> {
  return store('readonly', (s) => new Promise((resolve) => (s.getAllKeys().onsuccess = (e) => resolve((e.target as IDBRequest<IDBValidKey[]>).result))));
}

describe('saveEdition', () => {
  it('stores the manifest and every page PDF, and reports progress in bytes of the total', async () => {
    const progress: number[] = [];
    const saved = await saveEdition(CATALOG_URL, NOV_10.entry, { onProgress: (p) => progress.push(p.loaded / p.total) }, store);
    expect(saved.manifest.pages).toHaveLength(3);
    expect(saved.bytes).toBeGreaterThan(3000);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(await allKeys()).toEqual([
      'edition:2025-11-10',
      'file:2025-11-10/pages/1.v1.pdf',
      'file:2025-11-10/pages/2.v1.pdf',
      'file:2025-11-10/pages/3.v1.pdf',
    ]);
    const bytes = await loadSavedFile('2025-11-10', NOV_10.manifest.pages[1]!.pdf, store);
    expect(bytes).toEqual(NOV_10.files.get('https://paper.test/editions/2025-11-10/pages/2.v1.pdf'));
  });

  it('saves nothing when the connection drops mid-download, and a retry saves the whole edition', async () => {
    server.failing = /pages\/3/;
    await expect(saveEdition(CATALOG_URL, NOV_10.entry, {}, store)).rejects.toMatchObject({ code: 'network' });
    expect(await allKeys()).toEqual([]);
    server.failing = undefined;
    await saveEdition(CATALOG_URL, NOV_10.entry, {}, store);
    expect(await verifySaved('2025-11-10', store)).toEqual([]);
  });

  it('saves nothing when a file does not match its sha256', async () => {
    server.corrupt = /pages\/2/;
    await expect(saveEdition(CATALOG_URL, NOV_10.entry, {}, store)).rejects.toMatchObject({ code: 'integrity' });
    expect(await allKeys()).toEqual([]);
  });

  it('saves nothing when the manifest does not match the catalog', async () => {
    server.corrupt = /edition\.json/;
    await expect(saveEdition(CATALOG_URL, NOV_10.entry, {}, store)).rejects.toBeInstanceOf(OfflineError);
    expect(await allKeys()).toEqual([]);
  });

  it('stops when aborted and stores nothing', async () => {
    const abort = new AbortController();
    const saving = saveEdition(CATALOG_URL, NOV_10.entry, { signal: abort.signal, onProgress: (p) => p.loaded > 0 && abort.abort() }, store);
    await expect(saving).rejects.toThrow();
    expect(await allKeys()).toEqual([]);
  });

  it('does not download an edition already saved with the same manifest', async () => {
    await saveEdition(CATALOG_URL, NOV_10.entry, {}, store);
    const before = server.requests.length;
    await saveEdition(CATALOG_URL, NOV_10.entry, {}, store);
    expect(server.requests.length).toBe(before);
  });

  it('replaces a corrected edition (new manifest hash) and drops the old files, keeping the pin', async () => {
    await saveEdition(CATALOG_URL, NOV_10.entry, {}, store);
    await setPinned('2025-11-10', true, store);
    const corrected = memoryEdition('2025-11-10', 2, 500, 2);
    vi.stubGlobal('fetch', fakeServer(corrected).fetch);
    const saved = await saveEdition(CATALOG_URL, corrected.entry, {}, store);
    expect(saved.entry.sha256).toBe(corrected.entry.sha256);
    expect(saved.pinned).toBe(true);
    expect(await allKeys()).toEqual(['edition:2025-11-10', 'file:2025-11-10/pages/1.v2.pdf', 'file:2025-11-10/pages/2.v2.pdf']);
  });

  it('turns a full disk into a quota error and leaves the other editions intact', async () => {
    await saveEdition(CATALOG_URL, NOV_09.entry, {}, store);
    const full: UseStore = (mode, callback) =>
      mode === 'readwrite' ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : store(mode, callback);
    const error = await saveEdition(CATALOG_URL, NOV_10.entry, {}, full).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfflineError);
    expect((error as OfflineError).code).toBe('quota');
    expect((error as OfflineError).message).toMatch(/not enough storage space/);
    expect((await savedEditions(store)).map((e) => e.date)).toEqual(['2025-11-09']);
    expect(await verifySaved('2025-11-09', store)).toEqual([]);
  });
});

describe('a saved edition', () => {
  beforeEach(async () => {
    await saveEdition(CATALOG_URL, NOV_10.entry, {}, store);
    await saveEdition(CATALOG_URL, NOV_09.entry, {}, store);
  });

  it('is listed newest first', async () => {
    expect((await savedEditions(store)).map((e) => e.date)).toEqual(['2025-11-10', '2025-11-09']);
  });

  it('with damaged bytes is detected by verifySaved and by loadSavedFile', async () => {
    const ref = NOV_10.manifest.pages[0]!.pdf;
    await store('readwrite', (s) => void s.put(new Uint8Array(ref.bytes), fileKey('2025-11-10', ref.url)));
    expect(await verifySaved('2025-11-10', store)).toEqual([ref.url]);
    await expect(loadSavedFile('2025-11-10', ref, store)).rejects.toMatchObject({ code: 'integrity' });
    expect(await verifySaved('2025-11-09', store)).toEqual([]);
  });

  it('is deleted with its files, leaving the others', async () => {
    await deleteEdition('2025-11-10', store);
    expect(await savedEdition('2025-11-10', store)).toBeUndefined();
    expect((await allKeys()).filter((k) => String(k).includes('2025-11-10'))).toEqual([]);
    expect(await verifySaved('2025-11-09', store)).toEqual([]);
  });

  it('are all deleted by deleteAll', async () => {
    await deleteAll(store);
    expect(await allKeys()).toEqual([]);
  });
});

describe('evictOldest', () => {
  it('keeps the newest N unpinned editions and every pinned one', async () => {
    const dates = ['2025-11-06', '2025-11-07', '2025-11-08', '2025-11-09', '2025-11-10'];
    const editions = dates.map((d) => memoryEdition(d, 1, 100));
    vi.stubGlobal('fetch', fakeServer(...editions).fetch);
    for (const e of editions) await saveEdition(CATALOG_URL, e.entry, {}, store);
    await setPinned('2025-11-06', true, store);
    expect(await evictOldest(2, store)).toEqual(['2025-11-08', '2025-11-07']);
    expect((await savedEditions(store)).map((e) => e.date)).toEqual(['2025-11-10', '2025-11-09', '2025-11-06']);
  });
});
