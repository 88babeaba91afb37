/**
 * Opening an edition from its saved copy: preview images and page bytes read
 * from IndexedDB (checked against their SHA-256) instead of the network.
 */
import type { PreviewRef } from '../manifest/types.js';
import { OfflineError, deleteEdition, isIntact, loadSavedBlobs, loadSavedFile, type SavedEdition } from '../offline/index.js';
import { EditionLoadError, loadPdfBytes } from './loader.js';
import type { PdfReader } from './pdf.js';
import type { PreviewImages } from './preview-images.js';

export interface OpenedSaved {
  /** The saved preview images, for the viewer's `<img>`s. */
  readonly images: SavedImages;
  /** Stops the check and gives the `blob:` URLs' memory back. */
  close(): void;
}

/**
 * The saved edition as the viewer shows it: previews painted from the stored
 * images (`images`, keyed by each preview's URL as `resolve` makes it
 * absolute). The previews are checked against their SHA-256 once the browser
 * is idle: a damaged one discards the saved copy (`onDamaged` is told), as a
 * damaged page PDF does; the pages' PDFs are checked as they are read, before
 * pdf.js draws them.
 */
export function openSaved(saved: SavedEdition, resolve: (url: string) => string, onReady: () => void, onDamaged: () => void = () => {}): OpenedSaved {
  const refs = saved.manifest.pages.flatMap((p) => (p.preview ? [p.preview] : []));
  const front = saved.manifest.pages[0]?.preview;
  const cover = front && saved.cover ? new Map([[resolve(front.url), saved.cover]]) : new Map<string, Blob>();
  const images = new SavedImages(saved.date, new Map(refs.map((ref) => [resolve(ref.url), ref])), onReady, cover);
  let closed = false;
  whenIdle(async () => {
    const blobs = await loadSavedBlobs(saved.date, refs).catch(() => refs.map(() => undefined));
    const checks: [PreviewRef, Blob | undefined][] = refs.map((ref, i) => [ref, blobs[i]]);
    if (front && saved.cover) checks.push([front, saved.cover]);
    for (const [ref, blob] of checks) {
      if (closed) return;
      if (blob && !(await isIntact(blob, ref).catch(() => true))) {
        await deleteEdition(saved.date).catch(() => {});
        onDamaged();
        return;
      }
    }
  });
  return {
    images,
    close: () => {
      closed = true;
      images.dispose();
    },
  };
}

/**
 * Preview images read from the saved copy when the viewer first asks for
 * them; the images asked for in one task are read in one transaction, and an
 * image the store lacks answers with its own URL. Reading every preview and
 * making its `blob:` URL up front took 20 ms of a 23-page edition's first
 * page, but a single read took 13 ms of that: an IndexedDB read's cost is
 * mostly its round trip (`bench:viewer --breakdown`). So the front page's
 * image, the one a reader sees first, comes with the saved record (`cover`)
 * and is ready at once.
 */
export class SavedImages implements PreviewImages {
  readonly #date: string;
  readonly #refs: ReadonlyMap<string, PreviewRef>;
  readonly #onReady: () => void;
  /** By image URL: its `blob:` URL, its own URL when not stored, or `null` while being read. */
  readonly #urls = new Map<string, string | null>();
  /** Images asked for in this task, read together at its end. */
  readonly #wanted = new Map<string, PreviewRef>();
  #disposed = false;

  /** `ready`: images already read, by URL; their decoding starts at once. */
  constructor(date: string, refs: ReadonlyMap<string, PreviewRef>, onReady: () => void, ready: ReadonlyMap<string, Blob> = new Map()) {
    this.#date = date;
    this.#refs = refs;
    this.#onReady = onReady;
    for (const [src, blob] of ready) {
      const ref = refs.get(src);
      if (!ref) continue;
      const url = this.#blobUrl(blob, ref);
      this.#urls.set(src, url);
      predecode(url);
    }
  }

  url(src: string): string | undefined {
    const known = this.#urls.get(src);
    if (known !== undefined) return known ?? undefined;
    const ref = this.#refs.get(src);
    if (!ref) return src;
    this.#urls.set(src, null);
    if (this.#wanted.size === 0) queueMicrotask(() => void this.#read());
    this.#wanted.set(src, ref);
    return undefined;
  }

  dispose(): void {
    this.#disposed = true;
    for (const url of this.#urls.values()) if (url?.startsWith('blob:')) URL.revokeObjectURL(url);
    this.#urls.clear();
  }

  async #read(): Promise<void> {
    const batch = [...this.#wanted];
    this.#wanted.clear();
    const blobs = await loadSavedBlobs(
      this.#date,
      batch.map(([, ref]) => ref),
    ).catch(() => batch.map(() => undefined));
    if (this.#disposed) return;
    batch.forEach(([src, ref], i) => {
      const blob = blobs[i];
      this.#urls.set(src, blob ? this.#blobUrl(blob, ref) : src);
    });
    this.#onReady();
  }

  #blobUrl(blob: Blob, ref: PreviewRef): string {
    return URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: ref.type }));
  }
}

/**
 * Starts decoding the image at `url` while the viewer renders its first
 * frame: the page's `<img>` of the same URL then finds it decoded (the
 * browser keeps one decoded copy per image resource).
 */
function predecode(url: string): void {
  if (typeof Image !== 'function') return;
  const image = new Image();
  image.src = url;
  image.decode().catch(() => {});
}

/** Runs `work` when the browser has nothing more urgent to do (after the first paint). */
function whenIdle(work: () => Promise<void>): void {
  const run = () => void work();
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 5000 });
  else setTimeout(run, 0);
}

/**
 * A reader of page PDFs for `PdfPages` that takes them from the saved copy.
 * A damaged copy is discarded (`onDamaged` is told) and the page comes from
 * the network when there is one; a page missing from the store likewise.
 */
export function savedPages(saved: SavedEdition, onDamaged: () => void, fromNetwork: PdfReader = loadPdfBytes): PdfReader {
  return async (url: string, page: number, signal?: AbortSignal): Promise<Uint8Array> => {
    const ref = saved.manifest.pages[page - 1]!.pdf;
    try {
      const bytes = await loadSavedFile(saved.date, ref);
      if (bytes) return bytes;
    } catch (error) {
      if (!(error instanceof OfflineError)) throw error;
      await deleteEdition(saved.date).catch(() => {});
      onDamaged();
      if (!navigator.onLine) {
        throw new EditionLoadError('page', 'offline', url, `The saved copy of page ${page} was damaged and has been removed. Connect to the internet to load it again.`, page);
      }
    }
    return fromNetwork(url, page, signal);
  };
}
