/**
 * Where saved editions live: one IndexedDB object store of the project's own
 * (`epaper` / `files`), keyed so that keys sort and one range holds an
 * edition's files:
 *
 *   edition:2025-11-10                     SavedEdition (the record; written last)
 *   file:2025-11-10/pages/1.pdf            the file's bytes (Uint8Array)
 *
 * One store rather than two because idb-keyval's `createStore` opens a
 * database with a single object store, and one store lets a single
 * transaction replace an edition's files and its record together.
 */
import { type UseStore, createStore, promisifyRequest } from 'idb-keyval';
import type { CatalogEntry, EditionManifest, IsoDate } from '../manifest/types.js';

export type { UseStore } from 'idb-keyval';

/** What the library knows of a saved edition. Its presence means every file is stored and verified. */
export interface SavedEdition {
  readonly date: IsoDate;
  /** The catalog entry the edition was saved from; its `sha256` tells a corrected edition apart. */
  readonly entry: CatalogEntry;
  readonly manifest: EditionManifest;
  /** Bytes stored for the edition: the manifest and its files. */
  readonly bytes: number;
  /** `Date.now()` when the save completed. */
  readonly savedAt: number;
  /** Pinned editions are never evicted by "keep the newest N". */
  readonly pinned: boolean;
  /**
   * The first page's preview image again (its file is stored too): what a reader sees first comes with
   * the record, so a saved edition's front page paints without another read. Absent in editions saved
   * before it was added, and in editions without previews.
   */
  readonly cover?: Blob;
}

let store: UseStore | undefined;

/** The project's store, opened on first use (so importing this module touches no IndexedDB). */
export function defaultStore(): UseStore {
  store ??= createStore('epaper', 'files');
  return store;
}

export const editionKey = (date: IsoDate): string => `edition:${date}`;
export const fileKey = (date: IsoDate, url: string): string => `file:${date}/${url}`;

/** Every key starting with `prefix`: `\uffff` sorts after any character a key uses. */
export function prefixRange(prefix: string): IDBKeyRange {
  return IDBKeyRange.bound(prefix, `${prefix}\uffff`);
}

/** The values under keys starting with `prefix`, in key order. */
export function valuesWithPrefix<T>(prefix: string, customStore = defaultStore()): Promise<T[]> {
  return customStore('readonly', (s) => promisifyRequest(s.getAll(prefixRange(prefix)) as IDBRequest<T[]>));
}

/** Reads of every record in flight, per store (see `sharedRead`). */
const reading = new WeakMap<UseStore, Promise<unknown>>();

/** The result of the last shared read, per store, until the task that received it has run. */
const justRead = new WeakMap<UseStore, unknown>();

/**
 * `read()`, or the same read already in flight on `customStore`: at start-up the viewer and its library
 * both ask for the saved editions, and a page opening with no network waits for that list. Whoever
 * writes calls `endSharedRead` once the write has committed, so later callers see it. The result stays
 * at hand (`lastSharedRead`) until the task that received it has run.
 */
export function sharedRead<T>(customStore: UseStore, read: () => Promise<T>): Promise<T> {
  const running = reading.get(customStore) as Promise<T> | undefined;
  if (running) return running;
  const started = read();
  reading.set(customStore, started);
  const end = () => {
    if (reading.get(customStore) === started) reading.delete(customStore);
  };
  started.then((value) => {
    end();
    justRead.set(customStore, value);
    setTimeout(() => {
      if (justRead.get(customStore) === value) justRead.delete(customStore);
    }, 0);
  }, end);
  return started;
}

/** The result of the shared read that finished in the current task, if any (see `sharedRead`). */
export function lastSharedRead<T>(customStore: UseStore): T | undefined {
  return justRead.get(customStore) as T | undefined;
}

/** Ends the sharing of a read in flight on `customStore`: call it after writing. */
export function endSharedRead(customStore: UseStore): void {
  reading.delete(customStore);
  justRead.delete(customStore);
}
