/**
 * pdf.js, loaded lazily and shared by every viewer on the page.
 *
 * The worker is the biggest download before the first sharp page, so
 * `startPdfWorker()` creates it as soon as a viewer connects (its download and
 * compilation then overlap the catalog and manifest requests), while pdf.js's
 * main-thread library is imported in parallel. One worker serves all the
 * one-page documents.
 */
import type { PDFDocumentLoadingTask, PDFDocumentProxy, PDFPageProxy, PDFWorker } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { loadPdfBytes, pdfError } from './loader.js';
import { workerScript } from './worker-script.js';
import type { Rect } from './render-plan.js';

type Pdfjs = typeof import('pdfjs-dist');

let rawWorker: Worker | undefined;
let library: Promise<Pdfjs> | undefined;
let sharedWorker: Promise<PDFWorker> | undefined;

/** Starts the pdf.js worker: its thread, download and compilation take a while, off the main thread. */
export function startPdfWorker(): void {
  rawWorker ??= new Worker(workerScript(new URL(workerUrl, import.meta.url), location.origin), { type: 'module', name: 'pdf.js' });
}

/** Starts loading pdf.js's main-thread library (and the worker, if not yet started). */
export function startPdfjs(): void {
  startPdfWorker();
  library ??= import('pdfjs-dist');
}

function pdfjs(): Promise<Pdfjs> {
  startPdfjs();
  return library!;
}

/** pdf.js's typings say `port?: null`; its code and documentation take a Worker. */
type WorkerOptions = NonNullable<ConstructorParameters<typeof PDFWorker>[0]>;

function worker(): Promise<PDFWorker> {
  sharedWorker ??= pdfjs().then((lib) => new lib.PDFWorker({ port: rawWorker, name: 'epaper', verbosity: 0 } as unknown as WorkerOptions));
  return sharedWorker;
}

interface OpenDocument {
  readonly page: Promise<PDFPageProxy>;
  /** Closes the document in the worker, once it has been opened. */
  close(): void;
}

export type PdfReader = (url: string, page: number, signal?: AbortSignal) => Promise<Uint8Array>;

/** The documents kept open beyond those the render plan keeps: flipping back a few pages needs no new fetch or parse. */
const SPARE_DOCUMENTS = 4;

/**
 * One-page PDFs by page number, opened on demand and closed when no longer
 * wanted. Failures (HTTP errors, damaged PDFs) reject with `EditionLoadError`.
 */
export class PdfPages {
  readonly #open = new Map<number, OpenDocument>();
  readonly #urlOf: (page: number) => string;
  readonly #read: PdfReader;
  readonly #abort = new AbortController();

  /** `read` fetches a page's bytes: from the network by default, from the saved copy for a saved edition. */
  constructor(urlOf: (page: number) => string, read: PdfReader = loadPdfBytes) {
    this.#urlOf = urlOf;
    this.#read = read;
  }

  /** Page 1 of page `page`'s PDF. */
  get(page: number): Promise<PDFPageProxy> {
    const open = this.#open.get(page);
    if (open) {
      // Most recently used last.
      this.#open.delete(page);
      this.#open.set(page, open);
      return open.page;
    }
    const url = this.#urlOf(page);
    const bytes = this.#read(url, page, this.#abort.signal);
    const task: Promise<PDFDocumentLoadingTask> = Promise.all([pdfjs(), worker(), bytes]).then(([lib, pdfWorker, data]) =>
      // No `isEvalSupported`: pdf.js 6 removed the option along with every eval. No WebAssembly either,
      // so the strict CSP needs no 'wasm-unsafe-eval' (only JPEG 2000 and JBIG2 images need it).
      lib.getDocument({ data, worker: pdfWorker, enableXfa: false, useWasm: false, verbosity: 0 }),
    );
    const doc: Promise<PDFDocumentProxy> = task.then((t) =>
      t.promise.catch(() => {
        throw pdfError(url, page);
      }),
    );
    const entry: OpenDocument = {
      page: doc.then((d) => d.getPage(1)),
      close: () => void task.then((t) => t.destroy()).catch(() => {}),
    };
    this.#open.set(page, entry);
    // A failed page is forgotten, so that "Try again" fetches it anew.
    entry.page.catch(() => {
      if (this.#open.get(page) === entry) this.#open.delete(page);
      entry.close();
    });
    return entry.page;
  }

  /** Closes documents not in `keep`, beyond a few most recently used. */
  release(keep: ReadonlySet<number>): void {
    const closable = [...this.#open.keys()].filter((page) => !keep.has(page));
    for (const page of closable.slice(0, Math.max(0, closable.length - SPARE_DOCUMENTS))) {
      const entry = this.#open.get(page)!;
      this.#open.delete(page);
      entry.close();
    }
  }

  /** Closes every document and stops pending fetches. */
  destroy(): void {
    this.#abort.abort();
    for (const entry of this.#open.values()) entry.close();
    this.#open.clear();
  }
}

export interface CanvasRender {
  readonly promise: Promise<HTMLCanvasElement>;
  cancel(): void;
}

/**
 * Renders `page` at `scale` device pixels per point into a new canvas: the
 * whole page, or only `rect` (in points) of it. A cancelled render rejects
 * with an error named `RenderingCancelledException`.
 */
export function renderCanvas(page: PDFPageProxy, scale: number, rect?: Rect): CanvasRender {
  const viewport = page.getViewport({ scale });
  const canvas = document.createElement('canvas');
  const area = rect ?? { x: 0, y: 0, width: viewport.width / scale, height: viewport.height / scale };
  canvas.width = Math.max(1, Math.ceil(area.width * scale));
  canvas.height = Math.max(1, Math.ceil(area.height * scale));
  const task = page.render({
    canvas,
    viewport,
    transform: rect ? [1, 0, 0, 1, -rect.x * scale, -rect.y * scale] : undefined,
  });
  return {
    promise: task.promise.then(() => canvas),
    cancel: () => task.cancel(),
  };
}

/** Whether `error` is pdf.js's way of saying a render was cancelled (a normal outcome). */
export function isCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === 'RenderingCancelledException';
}

/** Gives a canvas's memory back now rather than at garbage collection. */
export function releaseCanvas(canvas: HTMLCanvasElement): void {
  canvas.width = 0;
  canvas.height = 0;
}
