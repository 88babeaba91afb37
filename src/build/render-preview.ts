/**
 * Page previews: page 1 of a one-page PDF rendered to a small raster image at
 * build time, so a viewer can paint it while pdf.js is still starting.
 *
 * Runs in Node with pdf.js's legacy build (the only build that works there)
 * drawing onto @napi-rs/canvas.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { loadPdfjs } from './pdfjs-node.js';

export interface PreviewOptions {
  /** Width of the image in pixels; the height follows the page's aspect ratio. */
  readonly width: number;
  /** Encoder quality, 0–100. Default 80. */
  readonly quality?: number;
  /** Default `webp`. */
  readonly format?: 'webp' | 'jpeg';
}

export interface PreviewImage {
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** MIME type, e.g. `image/webp`. */
  readonly type: string;
}

/** Thrown when a preview cannot be made; the message says which input was wrong. */
export class PreviewError extends Error {
  override name = 'PreviewError';
}

/**
 * Renders page 1 of `pdf` to an image `options.width` pixels wide.
 *
 * The bytes are copied before pdf.js sees them (pdf.js detaches the buffer it
 * is given, and refuses a Node `Buffer`), so the caller may keep using `pdf`,
 * which may be a `Buffer` from `readFile`.
 */
export async function renderPagePreview(pdf: Uint8Array, options: PreviewOptions): Promise<PreviewImage> {
  const { width, quality = 80, format = 'webp' } = options;
  if (!Number.isInteger(width) || width < 1 || width > 8192) {
    throw new PreviewError(`Preview width must be a whole number of pixels from 1 to 8192, got ${width}.`);
  }
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(pdf),
    // pdf.js 6 has no `isEvalSupported` any more: it removed the option with its last eval.
    standardFontDataUrl: standardFontDataPath(),
    verbosity: 0,
  });
  try {
    const doc = await task.promise.catch((error: unknown) => {
      throw new PreviewError(`Cannot read the PDF to make a preview: ${(error as Error).message}`);
    });
    const page = await doc.getPage(1);
    const unit = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: width / unit.width });
    const height = Math.round(viewport.height);
    const canvas = createCanvas(width, height);
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
    const bytes = format === 'webp' ? await canvas.encode('webp', quality) : await canvas.encode('jpeg', quality);
    return { bytes: new Uint8Array(bytes), width, height, type: `image/${format}` };
  } finally {
    await task.destroy();
  }
}

/** pdf.js reads the standard 14 fonts' data from this folder (a path with a trailing slash in Node). */
function standardFontDataPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';
}
