/**
 * Opening an edition from its saved copy: the manifest as the viewer shows
 * it, and page bytes read from IndexedDB (checked against their SHA-256)
 * instead of the network.
 */
import type { EditionManifest, Page } from '../manifest/types.js';
import { OfflineError, deleteEdition, loadSavedFile, type SavedEdition } from '../offline/index.js';
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
 * the stored images (checked like every saved file); a preview missing or
 * damaged is left out, and pdf.js paints that page.
 */
export async function openSaved(saved: SavedEdition): Promise<OpenedSaved> {
  const urls: string[] = [];
  performance.mark('openSaved-start'); // BENCH-MARK
  const pages = await Promise.all(
    saved.manifest.pages.map(async ({ preview, ...page }): Promise<Page> => {
      const bytes = preview && (await loadSavedFile(saved.date, preview).catch(() => undefined));
      if (!preview || !bytes) return page;
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: preview.type }));
      urls.push(url);
      return { ...page, preview: { ...preview, url } };
    }),
  );
  performance.mark('openSaved-end'); // BENCH-MARK
  return { manifest: { ...saved.manifest, pages }, close: () => urls.forEach((url) => URL.revokeObjectURL(url)) };
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
