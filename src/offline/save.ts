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
import type { CatalogEntry, EditionManifest, FileRef, IsoDate, PreviewRef } from '../manifest/types.js';
import { sha256Hex } from './digest.js';
import { OfflineError, storageError } from './errors.js';
import { type SavedEdition, type UseStore, defaultStore, editionKey, endSharedRead, fileKey, prefixRange } from './store.js';

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
  /**
   * The edition's manifest as the caller has it already (the viewer's open edition), unverified: the files
   * it names start downloading while the manifest is fetched and checked. Every file is still checked
   * against the verified manifest, and a file it does not name is dropped.
   */
  readonly manifest?: EditionManifest;
}

/**
 * Downloads asked for at once. The browser runs as many as the connection allows (six per host over
 * HTTP/1.1) and queues the rest, so a finished download finds the next one already waiting; they are
 * asked for at low priority (`download`), so a page the reader turns to meanwhile goes first.
 */
const PARALLEL_DOWNLOADS = 64;

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
  const existing = await customStore('readonly', (s) => promisifyRequest(s.get(editionKey(date)) as IDBRequest<SavedEdition | undefined>));
  if (existing?.entry.sha256 === entry.sha256) return existing;

  const manifestUrl = new URL(entry.manifest, catalogUrl).href;
  const fileUrl = (ref: FileRef) => new URL(ref.url, manifestUrl).href;
  // The first failure stops the other downloads: the save has failed, and no progress follows it.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  // The manifest is asked for first, so that it does not queue behind the files for a connection:
  // nothing is stored before it is checked.
  const manifestDownload = download(manifestUrl, entry.sha256, date, options.request, signal);
  manifestDownload.catch(() => {});
  const downloads = new Downloads((ref, each) => download(fileUrl(ref), ref.sha256, date, options.request, each, blobType(ref)), signal);
  // The files the caller's copy of the manifest names start downloading while the manifest is checked.
  if (options.manifest?.date === date) for (const ref of fileRefs(options.manifest)) downloads.start(ref);
  // A first save writes the files as they are verified, a batch per transaction, so storing overlaps
  // downloading; the record comes last, and until it is there no reader takes the files for an edition.
  // A corrected edition replaces a saved one in a single transaction instead, so its readers never see
  // a mix of the two.
  const incremental = existing === undefined;
  // Left-overs of an interrupted save go first. Transactions on one store run in the order they were
  // created, so the writes queued later wait for this one without being held back here.
  const cleared = incremental ? deleteFiles(date, customStore) : Promise.resolve();
  cleared.catch(() => {});
  let manifestBytes: Uint8Array;
  try {
    manifestBytes = await manifestDownload;
  } catch (error) {
    stop.abort(error);
    throw error;
  }
  const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as EditionManifest;
  const refs = fileRefs(manifest);
  downloads.keepOnly(refs);
  const total = refs.reduce((sum, ref) => sum + ref.bytes, 0);
  let loaded = 0;
  options.onProgress?.({ loaded, total });

  // A refused write stops the save at once, like a failed download.
  let refused: { readonly error: unknown } | undefined;
  const writer = new BatchWriter(customStore, (error) => {
    refused ??= { error };
    stop.abort(error);
  });
  let files: (readonly [FileRef, StoredFile])[];
  let record: SavedEdition;
  try {
    await cleared;
    files = await Promise.all(
      refs.map(async (ref) => {
        const file = await downloads.start(ref);
        if (signal.aborted) throw signal.reason;
        loaded += ref.bytes;
        options.onProgress?.({ loaded, total });
        if (incremental) writer.put(fileKey(date, ref.url), file);
        return [ref, file] as const;
      }),
    );
    options.signal?.throwIfAborted();
    const cover = files.find(([ref]) => ref === manifest.pages[0]?.preview)?.[1];
    record = {
      date,
      entry,
      manifest,
      bytes: manifestBytes.byteLength + total,
      savedAt: Date.now(),
      pinned: existing?.pinned ?? false,
      ...(cover instanceof Blob ? { cover } : {}),
    };
    // The record last, in the same transaction as the last files: readers take its presence to mean the files are there.
    if (incremental) writer.put(editionKey(date), record);
    await writer.done();
    if (refused) throw refused.error;
  } catch (failure) {
    const error = refused?.error ?? failure;
    stop.abort(error);
    if (incremental) {
      await writer.done();
      await deleteFiles(date, customStore).catch(() => {});
      endSharedRead(customStore);
    }
    throw isStorageFailure(error) ? storageError(error, date) : error;
  }
  if (incremental) {
    endSharedRead(customStore);
    return record;
  }

  try {
    await customStore('readwrite', (s) => {
      try {
        // A corrected edition may name other files: the old ones go in the same transaction.
        s.delete(prefixRange(fileKey(date, '')));
        for (const [ref, file] of files) s.put(file, fileKey(date, ref.url));
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
  } finally {
    endSharedRead(customStore);
  }
  return record;
}

/**
 * How a file is stored: preview images as `Blob`s, which the viewer shows through a `blob:` URL without
 * reading their bytes into script (cheap in Chromium, where IndexedDB keeps them as files); PDFs as bytes,
 * which pdf.js needs anyway.
 */
type StoredFile = Uint8Array | Blob;

/** The body at `url`, which must hash to `sha256`: its bytes, or with `type` a `Blob` of that type. */
function download(url: string, sha256: string, date: string, request: SaveOptions['request'], signal: AbortSignal | undefined): Promise<Uint8Array>;
function download(url: string, sha256: string, date: string, request: SaveOptions['request'], signal: AbortSignal | undefined, type: string | undefined): Promise<StoredFile>;
async function download(url: string, sha256: string, date: string, request: SaveOptions['request'], signal?: AbortSignal, type?: string): Promise<StoredFile> {
  let bytes: Uint8Array;
  let blob: Blob | undefined;
  try {
    const response = await fetch(url, { signal, credentials: request?.credentials ?? 'same-origin', headers: request?.headers, priority: 'low' });
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    if (type === undefined) {
      bytes = new Uint8Array(await response.arrayBuffer());
    } else {
      // Read as a Blob, the browser's own copy, which IndexedDB stores without taking it back from script:
      // saves measured 5 to 10 % faster than with `new Blob([bytes])`. `slice` sets the type without copying,
      // whatever Content-Type the server sent.
      blob = (await response.blob()).slice(0, undefined, type);
      bytes = new Uint8Array(await blob.arrayBuffer());
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new OfflineError('network', date, `The edition of ${date} could not be saved: a file could not be downloaded (${detail}). Check the connection and try again.`);
  }
  if ((await sha256Hex(bytes)) !== sha256) {
    throw new OfflineError('integrity', date, `The edition of ${date} could not be saved: a file did not match the edition (it may have changed on the server). Try again.`);
  }
  return blob ?? bytes;
}

/** Preview images are stored as `Blob`s of their type; other files as bytes. */
function blobType(ref: FileRef | PreviewRef): string | undefined {
  return 'type' in ref ? ref.type : undefined;
}

/** The files an edition's save stores: each page's PDF and preview image. */
function fileRefs(manifest: EditionManifest): FileRef[] {
  return manifest.pages.flatMap((p): FileRef[] => (p.preview ? [p.pdf, p.preview] : [p.pdf]));
}

/** Deletes the stored files of `date` (not its record). */
function deleteFiles(date: IsoDate, customStore: UseStore): Promise<void> {
  return customStore('readwrite', (s) => {
    s.delete(prefixRange(fileKey(date, '')));
    return promisifyRequest(s.transaction);
  });
}

/** Whether `error` came from IndexedDB rather than from a download. */
function isStorageFailure(error: unknown): boolean {
  return error instanceof DOMException && error.name !== 'AbortError';
}

/**
 * Writes values as they come, each batch in one transaction: whatever arrived while the previous
 * transaction committed goes into the next, so the writes keep up with the downloads in a handful of
 * transactions rather than one per file. The first failure goes to `onError`; nothing more is written.
 */
class BatchWriter {
  #pending: (readonly [string, unknown])[] = [];
  #running: Promise<void> | undefined;
  #failed = false;

  constructor(
    readonly customStore: UseStore,
    readonly onError: (error: unknown) => void,
  ) {}

  put(key: string, value: unknown): void {
    if (this.#failed) return;
    this.#pending.push([key, value]);
    this.#running ??= this.#drain();
  }

  /** Resolves when everything put so far is written (or the writer has failed). */
  async done(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #drain(): Promise<void> {
    try {
      while (this.#pending.length > 0 && !this.#failed) {
        const batch = this.#pending.splice(0);
        await this.customStore('readwrite', (s) => {
          try {
            for (const [key, value] of batch) s.put(value, key);
          } catch (error) {
            // A batch is written whole or not at all, like the transaction of a corrected edition.
            s.transaction.abort();
            throw error;
          }
          return promisifyRequest(s.transaction);
        });
      }
    } catch (error) {
      this.#failed = true;
      this.onError(error);
    } finally {
      this.#running = undefined;
    }
  }
}

/**
 * The downloads of one save, each started once (by URL and hash), at most `PARALLEL_DOWNLOADS` at a
 * time, in the order asked for.
 */
class Downloads {
  readonly #running = new Map<string, { readonly done: Promise<StoredFile>; readonly abort: AbortController }>();
  readonly #waiting: (() => void)[] = [];
  #active = 0;

  constructor(
    readonly fetchRef: (ref: FileRef, signal: AbortSignal) => Promise<StoredFile>,
    readonly signal: AbortSignal,
  ) {}

  /** The verified file `ref` as it is stored, downloading it if not yet started. */
  start(ref: FileRef): Promise<StoredFile> {
    const key = `${ref.sha256} ${ref.url}`;
    const running = this.#running.get(key);
    if (running) return running.done;
    const abort = new AbortController();
    const signal = AbortSignal.any([this.signal, abort.signal]);
    const done = this.#slot(signal).then(async () => {
      try {
        return await this.fetchRef(ref, signal);
      } finally {
        this.#active--;
        this.#waiting.shift()?.();
      }
    });
    // Downloads started ahead may be dropped before anyone awaits them.
    done.catch(() => {});
    this.#running.set(key, { done, abort });
    return done;
  }

  /** Drops the downloads of files other than `refs` (guesses the verified manifest did not confirm). */
  keepOnly(refs: readonly FileRef[]): void {
    const wanted = new Set(refs.map((ref) => `${ref.sha256} ${ref.url}`));
    for (const [key, { abort }] of this.#running) if (!wanted.has(key)) abort.abort();
  }

  async #slot(signal: AbortSignal): Promise<void> {
    while (this.#active >= PARALLEL_DOWNLOADS) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    signal.throwIfAborted();
    this.#active++;
  }
}
