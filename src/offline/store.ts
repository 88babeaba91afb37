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
