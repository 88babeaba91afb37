import 'fake-indexeddb/auto';
import { type UseStore, createStore } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EditionManifest } from '../../src/manifest/types.js';
import { OfflineError, loadSavedBlobs, loadSavedFile, saveEdition, savedEditions } from '../../src/offline/index.js';
import { CATALOG_URL, type FakeServer, fakeServer, memoryEdition } from './memory-edition.js';

const NOV_10 = memoryEdition('2025-11-10', 3, 1000, 1, { previews: true });
const NOV_09 = memoryEdition('2025-11-09');
let store: UseStore;
let server: FakeServer;
let databases = 0;

beforeEach(() => {
  store = createStore(`epaper-pipeline-test-${databases++}`, 'files');
  server = fakeServer(NOV_10, NOV_09);
  vi.stubGlobal('fetch', server.fetch);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function allKeys(s = store): Promise<IDBValidKey[]> {
  return s('readonly', (o) => new Promise((resolve) => (o.getAllKeys().onsuccess = (e) => resolve((e.target as IDBRequest<IDBValidKey[]>).result))));
}

const MANIFEST_URL = 'https://paper.test/editions/2025-11-10/edition.json';

describe('saving with the manifest the viewer has open', () => {
  it('starts the files it names before the manifest has been fetched again', async () => {
    // How many of the edition's files were asked for by the time the manifest arrives (an event-loop turn after it was asked for).
    const startedBefore = async (options: { manifest?: EditionManifest }) => {
      let started = -1;
      vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
        if (String(input) === MANIFEST_URL) {
          await new Promise((resolve) => setImmediate(resolve));
          started = server.requests.filter((url) => url.includes('/pages/')).length;
        }
        return server.fetch(input);
      });
      server.requests.length = 0;
      await saveEdition(CATALOG_URL, NOV_10.entry, options, createStore(`epaper-pipeline-test-${databases++}`, 'files'));
      return started;
    };
    expect(await startedBefore({})).toBe(0);
    expect(await startedBefore({ manifest: NOV_10.manifest })).toBe(6);
  });

  it('stores only the files the verified manifest names, checked against it', async () => {
    // A stale or tampered copy: a file the edition does not have, and a wrong hash for page 2.
    const stale: EditionManifest = {
      ...NOV_10.manifest,
      pages: NOV_10.manifest.pages.map((p, i) => (i === 0 ? { ...p, pdf: { ...p.pdf, url: 'pages/old.pdf' } } : i === 1 ? { ...p, pdf: { ...p.pdf, sha256: '0'.repeat(64) } } : p)),
    };
    const saved = await saveEdition(CATALOG_URL, NOV_10.entry, { manifest: stale }, store);
    expect(saved.manifest).toEqual(NOV_10.manifest);
    expect((await allKeys()).filter((k) => String(k).includes('old'))).toEqual([]);
    for (const page of NOV_10.manifest.pages) expect(await loadSavedFile('2025-11-10', page.pdf, store)).toBeDefined();
  });
});

describe('a first save', () => {
  it('stores preview images as Blobs of their type, read back without their bytes and as checked bytes', async () => {
    await saveEdition(CATALOG_URL, NOV_10.entry, {}, store);
    const refs = NOV_10.manifest.pages.map((p) => p.preview!);
    const blobs = await loadSavedBlobs('2025-11-10', refs, store);
    expect(blobs.map((b) => [b instanceof Blob, b?.type, b?.size])).toEqual(refs.map((r) => [true, 'image/webp', r.bytes]));
    expect(await loadSavedFile('2025-11-10', refs[1]!, store)).toEqual(NOV_10.files.get('https://paper.test/editions/2025-11-10/pages/2.v1.webp'));
  });

  it('that the disk refuses midway keeps none of the files it had written, and the other editions', async () => {
    await saveEdition(CATALOG_URL, NOV_09.entry, {}, store);
    const before = await allKeys();
    let puts = 0;
    let storedWhenFull: IDBValidKey[] = [];
    // The disk fills up after two files: they are stored by then. Deleting still works.
    const filling: UseStore = (mode, callback) =>
      store(mode, (s) => {
        const put = s.put.bind(s);
        s.put = (value, key) => {
          if (++puts <= 2) return put(value, key);
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
        return callback(s);
      });
    // What is stored when the disk is full: looked at before the next transaction once two files are in.
    const filled: UseStore = async (mode, callback) => {
      if (puts >= 2 && storedWhenFull.length === 0) storedWhenFull = await allKeys();
      return filling(mode, callback);
    };
    const error = await saveEdition(CATALOG_URL, NOV_10.entry, {}, filled).catch((e: unknown) => e);
    expect((error as OfflineError).code).toBe('quota');
    expect(storedWhenFull.some((k) => String(k).startsWith('file:2025-11-10/'))).toBe(true);
    expect(await allKeys()).toEqual(before);
  });

  it('that a tab left midway leaves files without a record: not an edition, and a retry starts over', async () => {
    // What a closed tab leaves: some files of the date, and no record.
    await store('readwrite', (s) => {
      s.put(new Uint8Array([1, 2, 3]), 'file:2025-11-10/pages/1.v1.pdf');
      s.put(new Uint8Array([4]), 'file:2025-11-10/pages/stale.pdf');
      return new Promise((resolve) => (s.transaction.oncomplete = resolve));
    });
    expect((await savedEditions(store)).map((e) => e.date)).toEqual([]);
    await saveEdition(CATALOG_URL, NOV_10.entry, {}, store);
    expect((await allKeys()).filter((k) => String(k).includes('stale'))).toEqual([]);
    expect(await loadSavedFile('2025-11-10', NOV_10.manifest.pages[0]!.pdf, store)).toEqual(NOV_10.files.get('https://paper.test/editions/2025-11-10/pages/1.v1.pdf'));
  });
});

describe('savedEditions', () => {
  it('shares a read in flight, and sees a save that finished after it started', async () => {
    const first = savedEditions(store);
    const second = savedEditions(store);
    expect((await first).map((e) => e.date)).toEqual([]);
    expect(await second).toEqual(await first);
    const during = savedEditions(store);
    await saveEdition(CATALOG_URL, NOV_09.entry, {}, store);
    await during;
    expect((await savedEditions(store)).map((e) => e.date)).toEqual(['2025-11-09']);
  });
});
