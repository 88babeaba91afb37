/**
 * Opening an edition from its saved copy: the manifest as the viewer shows
 * it, and page bytes read from IndexedDB (checked against their SHA-256)
 * instead of the network.
 */
import type { EditionManifest, Page } from '../manifest/types.js';
import { OfflineError, deleteEdition, isIntact, loadSavedBlobs, loadSavedFile, type SavedEdition } from '../offline/index.js';
import { EditionLoadError, loadPdfBytes } from './loader.js';
import type { PdfReader } from './pdf.js';

export interface OpenedSaved {
  /** The manifest with each saved preview image's `url` a `blob:` URL of its stored bytes. */
  readonly manifest: EditionManifest;
  /** Gives the `blob:` URLs' memory back. */
  close(): void;
}

/**
 * The saved edition's manifest as the viewer shows it: previews painted from
 * the stored images, through `blob:` URLs of the stored `Blob`s (no bytes
 * read before the first paint); a preview missing is left out, and pdf.js
 * paints that page. The previews are checked against their SHA-256 once the
 * browser is idle: a damaged one discards the saved copy (`onDamaged` is
 * told), as a damaged page PDF does; the pages' PDFs are checked as they are
 * read, before pdf.js draws them.
 */
export async function openSaved(saved: SavedEdition, onDamaged: () => void = () => {}): Promise<OpenedSaved> {
  const urls: string[] = [];
  const refs = saved.manifest.pages.flatMap((p) => (p.preview ? [p.preview] : []));
  const blobs = await loadSavedBlobs(saved.date, refs).catch(() => refs.map(() => undefined));
  const stored = new Map(refs.map((ref, i) => [ref, blobs[i]]));
  const pages = saved.manifest.pages.map(({ preview, ...page }): Page => {
    const blob = preview && stored.get(preview);
    if (!preview || !blob) return page;
    const url = URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: preview.type }));
    urls.push(url);
    return { ...page, preview: { ...preview, url } };
  });
  let closed = false;
  whenIdle(async () => {
    for (const [ref, blob] of stored) {
      if (closed) return;
      if (blob && !(await isIntact(blob, ref).catch(() => true))) {
        await deleteEdition(saved.date).catch(() => {});
        onDamaged();
        return;
      }
    }
  });
  return {
    manifest: { ...saved.manifest, pages },
    close: () => {
      closed = true;
      urls.forEach((url) => URL.revokeObjectURL(url));
    },
  };
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
