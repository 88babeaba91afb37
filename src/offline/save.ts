/**
 * Saving an edition for offline reading: the manifest, every one-page PDF and
 * every preview image, each checked against its SHA-256 before anything is
 * stored.
 *
 * One-page PDFs rather than the whole-edition PDF, because they are what the
 * viewer opens: the first page of a saved edition then needs one small file.
 * The previews let it paint that page before pdf.js has started, as online.
 */
import { promisifyRequest } from 'idb-keyval';
import type { CatalogEntry, EditionManifest, FileRef } from '../manifest/types.js';
import { sha256Hex } from './digest.js';
import { OfflineError, storageError } from './errors.js';
import { type SavedEdition, type UseStore, defaultStore, editionKey, fileKey, prefixRange } from './store.js';

export interface SaveProgress {
  /** Bytes of the edition's files downloaded and verified so far. */
  readonly loaded: number;
  readonly total: number;
}

export interface SaveOptions {
  readonly onProgress?: (progress: SaveProgress) => void;
  readonly signal?: AbortSignal;
  /** Cookies and extra headers for the downloads, for a server that authorises subscribers. Same-origin cookies by default. */
  readonly request?: { readonly credentials?: RequestCredentials; readonly headers?: Readonly<Record<string, string>> };
}

/** Downloads running at once: Chromium's limit of connections per host over HTTP/1.1. */
const PARALLEL_DOWNLOADS = 6;

/**
 * Saves the edition of catalog entry `entry` (from the catalog at
 * `catalogUrl`) and resolves with its record. Nothing is stored until every
 * file is downloaded and verified; then one transaction replaces the date's
 * old files and writes the new ones and the record, so an interrupted or
 * failed save leaves the previous state (and other editions) untouched.
 * Concurrent saves of one date (other tabs) wait for each other, and the
 * second finds the edition already saved.
 */
export function saveEdition(catalogUrl: string, entry: CatalogEntry, options: SaveOptions = {}, customStore = defaultStore()): Promise<SavedEdition> {
  const save = () => saveUnlocked(catalogUrl, entry, options, customStore);
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return save();
  return locks.request(`epaper-save:${entry.date}`, options.signal ? { signal: options.signal } : {}, save) as unknown as Promise<SavedEdition>;
}

async function saveUnlocked(catalogUrl: string, entry: CatalogEntry, options: SaveOptions, customStore: UseStore): Promise<SavedEdition> {
  const { date } = entry;
  performance.mark('save-start'); // BENCH-MARK
  const existing = await customStore('readonly', (s) => promisifyRequest(s.get(editionKey(date)) as IDBRequest<SavedEdition | undefined>));
  if (existing?.entry.sha256 === entry.sha256) return existing;

  const manifestUrl = new URL(entry.manifest, catalogUrl).href;
  const manifestBytes = await download(manifestUrl, entry.sha256, date, options.request, options.signal);
  const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as EditionManifest;
  performance.mark('save-manifest'); // BENCH-MARK
  const refs = manifest.pages.flatMap((p): FileRef[] => (p.preview ? [p.pdf, p.preview] : [p.pdf]));
  const total = refs.reduce((sum, ref) => sum + ref.bytes, 0);
  let loaded = 0;
  options.onProgress?.({ loaded, total });
  // The first failure stops the other downloads: the save has failed, and no progress follows it.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const files = await mapLimited(refs, PARALLEL_DOWNLOADS, async (ref: FileRef) => {
    const bytes = await download(new URL(ref.url, manifestUrl).href, ref.sha256, date, options.request, signal);
    if (signal.aborted) throw signal.reason;
    loaded += ref.bytes;
    options.onProgress?.({ loaded, total });
    return [ref.url, bytes] as const;
  }).catch((error: unknown) => {
    stop.abort(error);
    throw error;
  });
  options.signal?.throwIfAborted();
  performance.mark('save-files'); // BENCH-MARK

  const record: SavedEdition = {
    date,
    entry,
    manifest,
    bytes: manifestBytes.byteLength + total,
    savedAt: Date.now(),
    pinned: existing?.pinned ?? false,
  };
  try {
    await customStore('readwrite', (s) => {
      try {
        // A corrected edition may name other files: the old ones go in the same transaction.
        s.delete(prefixRange(fileKey(date, '')));
        for (const [url, bytes] of files) s.put(bytes, fileKey(date, url));
        // The record last: readers take its presence to mean the files are there.
        s.put(record, editionKey(date));
      } catch (error) {
        // A request refused at once must not let the others commit: all or nothing.
        s.transaction.abort();
        throw error;
      }
      return promisifyRequest(s.transaction);
    });
  } catch (error) {
    throw storageError(error, date);
  }
  performance.mark('save-stored'); // BENCH-MARK
  return record;
}

/** The bytes at `url`, which must hash to `sha256`. */
async function download(url: string, sha256: string, date: string, request: SaveOptions['request'], signal?: AbortSignal): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    const response = await fetch(url, { signal, credentials: request?.credentials ?? 'same-origin', headers: request?.headers });
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (signal?.aborted) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new OfflineError('network', date, `The edition of ${date} could not be saved: a file could not be downloaded (${detail}). Check the connection and try again.`);
  }
  if ((await sha256Hex(bytes)) !== sha256) {
    throw new OfflineError('integrity', date, `The edition of ${date} could not be saved: a file did not match the edition (it may have changed on the server). Try again.`);
  }
  return bytes;
}

/** `work` over `items`, at most `limit` at a time, results in order; the first failure rejects. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
