import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { PreviewError, renderPagePreview } from '../../src/build/render-preview.js';

/** A 400 × 600 pt page: black text at the top, a red square in the lower left. */
async function samplePage(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([400, 600]);
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  page.drawText('The Ellery Courier', { x: 40, y: 540, size: 32, font, color: rgb(0, 0, 0) });
  page.drawRectangle({ x: 40, y: 100, width: 200, height: 200, color: rgb(0.8, 0.1, 0.1) });
  return doc.save();
}

async function decode(bytes: Uint8Array) {
  const image = await loadImage(Buffer.from(bytes));
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, data: context.getImageData(0, 0, image.width, image.height).data };
}

function pixel(data: Uint8ClampedArray, width: number, x: number, y: number): [number, number, number] {
  const i = (y * width + x) * 4;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

describe('renderPagePreview of a one-page PDF', () => {
  it('makes a WebP image of the requested width with the page’s aspect ratio', async () => {
    const image = await renderPagePreview(await samplePage(), { width: 300 });
    expect(image.type).toBe('image/webp');
    expect([image.width, image.height]).toEqual([300, 450]);
    const decoded = await decode(image.bytes);
    expect([decoded.width, decoded.height]).toEqual([300, 450]);
  });

  it('draws the page’s content where the page has it, on a white ground', async () => {
    const { data, width } = await decode((await renderPagePreview(await samplePage(), { width: 300 })).bytes);
    // The red square spans x 40–240 pt, y 300–500 pt from the top: at 0.75 px/pt its centre is (105, 300).
    const [r, g, b] = pixel(data, width, 105, 300);
    expect(r).toBeGreaterThan(170);
    expect(g).toBeLessThan(60);
    expect(b).toBeLessThan(60);
    expect(pixel(data, width, 280, 440).every((c) => c > 240)).toBe(true);
    let dark = 0;
    for (let y = 30; y < 80; y++) for (let x = 20; x < 280; x++) if (pixel(data, width, x, y)[0] < 100) dark++;
    expect(dark).toBeGreaterThan(200);
  });

  it('makes a JPEG when asked', async () => {
    const image = await renderPagePreview(await samplePage(), { width: 120, format: 'jpeg', quality: 70 });
    expect(image.type).toBe('image/jpeg');
    expect([...image.bytes.subarray(0, 2)]).toEqual([0xff, 0xd8]);
  });

  it('leaves the caller’s bytes usable', async () => {
    const pdf = await samplePage();
    await renderPagePreview(pdf, { width: 50 });
    expect(pdf.byteLength).toBeGreaterThan(0);
    await expect(renderPagePreview(pdf, { width: 50 })).resolves.toMatchObject({ width: 50 });
  });
});

describe('renderPagePreview of bytes read with node:fs', () => {
  it('accepts a Buffer', async () => {
    const image = await renderPagePreview(Buffer.from(await samplePage()), { width: 60 });
    expect(image.width).toBe(60);
  });
});

describe('renderPagePreview with bad input', () => {
  it('rejects bytes that are not a PDF with a PreviewError', async () => {
    await expect(renderPagePreview(new TextEncoder().encode('not a pdf'), { width: 100 })).rejects.toBeInstanceOf(PreviewError);
  });

  it('rejects a width that is not a positive whole number', async () => {
    await expect(renderPagePreview(await samplePage(), { width: 0 })).rejects.toThrow(/width/);
  });
});
