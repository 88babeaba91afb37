/**
 * Page thumbnails drawn by pdf.js, for editions built without preview images
 * (with previews, the thumbnails are those images). Rendered one at a time,
 * only while the thumbnails are shown; small enough to keep them all.
 */
import type { PDFPageProxy } from 'pdfjs-dist';
import { isCancelled, releaseCanvas, renderCanvas } from './pdf.js';

/** Thumbnail width in CSS pixels (the grid's cells are about this wide). */
export const THUMBNAIL_WIDTH = 120;

export class Thumbnails {
  readonly #canvases = new Map<number, HTMLCanvasElement>();
  readonly #getPage: (page: number) => Promise<PDFPageProxy>;
  readonly #onRender: (page: number) => void;
  #generation = 0;
  #cancel: (() => void) | undefined;

  constructor(getPage: (page: number) => Promise<PDFPageProxy>, onRender: (page: number) => void) {
    this.#getPage = getPage;
    this.#onRender = onRender;
  }

  /** Page `page`'s thumbnail, once rendered. */
  canvas(page: number): HTMLCanvasElement | undefined {
    return this.#canvases.get(page);
  }

  /** Renders the thumbnails of `pages` not yet rendered, in order; a later call or `stop()` ends the run. */
  async render(pages: readonly number[]): Promise<void> {
    const generation = ++this.#generation;
    for (const n of pages) {
      if (this.#canvases.has(n)) continue;
      let page: PDFPageProxy;
      try {
        page = await this.#getPage(n);
      } catch {
        // The page's own error shows when it is opened; its thumbnail stays blank.
        continue;
      }
      if (generation !== this.#generation) return;
      const scale = (THUMBNAIL_WIDTH * (globalThis.devicePixelRatio || 1)) / page.getViewport({ scale: 1 }).width;
      const render = renderCanvas(page, scale);
      this.#cancel = render.cancel;
      try {
        const canvas = await render.promise;
        if (generation !== this.#generation) {
          releaseCanvas(canvas);
          return;
        }
        canvas.className = 'thumb';
        this.#canvases.set(n, canvas);
        this.#onRender(n);
      } catch (error) {
        if (!isCancelled(error)) continue;
        return;
      }
    }
  }

  /** Stops the current run. */
  stop(): void {
    this.#generation++;
    this.#cancel?.();
    this.#cancel = undefined;
  }

  /** Stops and releases every thumbnail. */
  dispose(): void {
    this.stop();
    for (const canvas of this.#canvases.values()) releaseCanvas(canvas);
    this.#canvases.clear();
  }
}
