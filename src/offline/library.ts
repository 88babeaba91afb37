/**
 * Reading and managing saved editions. Every function takes the store as its
 * last argument (the project's own by default), in idb-keyval's style.
 */
import { promisifyRequest } from 'idb-keyval';
import type { FileRef, IsoDate } from '../manifest/types.js';
import { sha256Hex } from './digest.js';
import { OfflineError } from './errors.js';
import { type SavedEdition, type UseStore, defaultStore, editionKey, endSharedRead, fileKey, lastSharedRead, prefixRange, sharedRead, valuesWithPrefix } from './store.js';

/** Every saved edition, newest first. */
export async function savedEditions(customStore = defaultStore()): Promise<SavedEdition[]> {
  const all = await sharedRead(customStore, () => valuesWithPrefix<SavedEdition>('edition:', customStore));
  return [...all].reverse();
}

/** The saved edition of `date`, or undefined. */
export function savedEdition(date: IsoDate, customStore = defaultStore()): Promise<SavedEdition | undefined> {
  // Right after the list was read (a page opening with no network reads it, then opens one of them): no second read.
  const listed = lastSharedRead<SavedEdition[]>(customStore);
  if (listed) return Promise.resolve(listed.find((e) => e.date === date));
  return customStore('readonly', (s) => promisifyRequest(s.get(editionKey(date)) as IDBRequest<SavedEdition | undefined>));
}

/**
 * The stored bytes of `ref` in the edition of `date`, checked against its
 * SHA-256; undefined when not stored. Bytes that no longer match (storage
 * corruption) reject with an `OfflineError` of code `integrity`.
 */
export async function loadSavedFile(date: IsoDate, ref: FileRef, customStore = defaultStore()): Promise<Uint8Array | undefined> {
  const value = await customStore('readonly', (s) => promisifyRequest(s.get(fileKey(date, ref.url)) as IDBRequest<Uint8Array | Blob | undefined>));
  if (!value) return undefined;
  const bytes = value instanceof Blob ? new Uint8Array(await value.arrayBuffer()) : value;
  if ((await sha256Hex(bytes)) !== ref.sha256) {
    throw new OfflineError('integrity', date, `The saved copy of the edition of ${date} is damaged.`);
  }
  return bytes;
}

/**
 * The stored images of `refs` (preview images) in the edition of `date`, as
 * `Blob`s read in one transaction without reading their bytes into script;
 * undefined for one not stored. Not yet checked: see `isIntact`.
 */
export function loadSavedBlobs(date: IsoDate, refs: readonly FileRef[], customStore = defaultStore()): Promise<(Blob | undefined)[]> {
  return customStore('readonly', (s) =>
    Promise.all(
      refs.map(async (ref) => {
        const value = await promisifyRequest(s.get(fileKey(date, ref.url)) as IDBRequest<Uint8Array | Blob | undefined>);
        if (value === undefined || value instanceof Blob) return value;
        // Saved before previews were stored as Blobs.
        return new Blob([value as Uint8Array<ArrayBuffer>]);
      }),
    ),
  );
}

/** Whether `blob` still hashes to `ref.sha256`. */
export async function isIntact(blob: Blob, ref: FileRef): Promise<boolean> {
  return (await sha256Hex(new Uint8Array(await blob.arrayBuffer()))) === ref.sha256;
}

/**
 * Checks every stored file of the edition of `date` against the manifest.
 * Resolves with the URLs of missing or damaged files: empty when all is well.
 */
export async function verifySaved(date: IsoDate, customStore = defaultStore()): Promise<string[]> {
  const saved = await savedEdition(date, customStore);
  if (!saved) return [];
  const bad: string[] = [];
  for (const page of saved.manifest.pages) {
    const ok = await loadSavedFile(date, page.pdf, customStore).then(
      (bytes) => bytes !== undefined,
      () => false,
    );
    if (!ok) bad.push(page.pdf.url);
  }
  return bad;
}

/** Deletes the edition of `date`: its record and files, in one transaction. */
export function deleteEdition(date: IsoDate, customStore = defaultStore()): Promise<void> {
  return written(
    customStore,
    customStore('readwrite', (s) => {
      s.delete(editionKey(date));
      s.delete(prefixRange(fileKey(date, '')));
      return promisifyRequest(s.transaction);
    }),
  );
}

/** Deletes every saved edition. */
export function deleteAll(customStore = defaultStore()): Promise<void> {
  return written(
    customStore,
    customStore('readwrite', (s) => {
      s.clear();
      return promisifyRequest(s.transaction);
    }),
  );
}

/** Pins (or unpins) the edition of `date`: pinned editions are never evicted. */
export function setPinned(date: IsoDate, pinned: boolean, customStore = defaultStore()): Promise<void> {
  // Read and write in one transaction, so a save finishing meanwhile is not undone.
  const write = customStore(
    'readwrite',
    (s) =>
      new Promise<void>((resolve, reject) => {
        const request = s.get(editionKey(date)) as IDBRequest<SavedEdition | undefined>;
        request.onsuccess = () => {
          if (request.result) s.put({ ...request.result, pinned }, editionKey(date));
          promisifyRequest(s.transaction).then(resolve, reject);
        };
        request.onerror = () => reject(request.error);
      }),
  );
  return written(customStore, write);
}

/** `write`, after which reads of `customStore` start afresh (see `sharedRead`). */
async function written(customStore: UseStore, write: Promise<void>): Promise<void> {
  try {
    await write;
  } finally {
    endSharedRead(customStore);
  }
}

/**
 * Keeps the newest `keep` unpinned editions and deletes older unpinned ones.
 * Pinned editions stay and do not count. Resolves with the dates deleted.
 */
export async function evictOldest(keep: number, customStore = defaultStore()): Promise<IsoDate[]> {
  const unpinned = (await savedEditions(customStore)).filter((e) => !e.pinned);
  const doomed = unpinned.slice(Math.max(0, keep)).map((e) => e.date);
  for (const date of doomed) await deleteEdition(date, customStore);
  return doomed;
}

/** Bytes of all saved editions, as the library counts them. */
export async function usedBytes(customStore = defaultStore()): Promise<number> {
  return (await savedEditions(customStore)).reduce((sum, e) => sum + e.bytes, 0);
}
