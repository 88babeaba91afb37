/**
 * The serialiser packs objects into object streams and indexes them with a
 * cross-reference stream; these tests decode both by hand, so a wrong offset
 * or index fails here even where a lenient reader would repair the file.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import type { PDFDocument as PdfDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfLib } from '../../src/pdf/pdf-lib.js';
import { serializePdf } from '../../src/pdf/writer.js';
import { openPdf, pageText } from '../helpers/pdf-text.js';

// pdf-lib's classes from our adapter: the serialiser tells streams by their class.
const { PDFDocument, PDFName, PDFStream, StandardFonts } = pdfLib;

const deflate = (bytes: Uint8Array) => new Uint8Array(deflateSync(bytes));
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

async function sampleDocument(pages: number): Promise<PdfDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle('Writer test');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) doc.addPage([200, 200]).drawText(`Page ${i}`, { x: 20, y: 100, font, size: 12 });
  await doc.flush();
  return doc;
}

/** The cross-reference stream's entries by object number, decoded by hand (ISO 32000-1 §7.5.8). */
function crossReference(pdf: Uint8Array): Map<number, [number, number, number]> {
  const source = text(pdf);
  const start = Number(/startxref\n(\d+)\n%%EOF$/.exec(source)![1]);
  const dict = source.slice(start, source.indexOf('stream\n', start));
  const widths = /\/W \[ (\d+) (\d+) (\d+) \]/.exec(dict)!.slice(1).map(Number);
  const index = /\/Index \[ ([\d ]+) \]/.exec(dict)![1]!.split(' ').map(Number);
  const length = Number(/\/Length (\d+)/.exec(dict)![1]);
  const dataStart = source.indexOf('stream\n', start) + 'stream\n'.length;
  const rows = inflateSync(pdf.subarray(dataStart, dataStart + length));
  const entries = new Map<number, [number, number, number]>();
  let at = 0;
  for (let s = 0; s < index.length; s += 2) {
    for (let n = index[s]!; n < index[s]! + index[s + 1]!; n++) {
      const fields = widths.map((w) => {
        let value = 0;
        for (let b = 0; b < w; b++) value = value * 256 + rows[at++]!;
        return value;
      });
      entries.set(n, fields as [number, number, number]);
    }
  }
  expect(at).toBe(rows.length);
  return entries;
}

describe('a document serialised with object streams and a cross-reference stream', () => {
  it('indexes every object where it is: by byte offset, or by object stream and place', async () => {
    const doc = await sampleDocument(3);
    const pdf = serializePdf(doc.context, deflate);
    const source = text(pdf);
    const entries = crossReference(pdf);
    const objects = doc.context.enumerateIndirectObjects().map(([ref]) => ref.objectNumber);
    for (const number of objects) expect(entries.has(number)).toBe(true);
    for (const [number, [type, a, b]] of entries) {
      if (type === 1) expect(source.startsWith(`${number} ${b} obj\n`, a)).toBe(true);
      if (type === 2) {
        const [streamType, offset] = entries.get(a)!;
        expect(streamType).toBe(1);
        const head = source.slice(offset, source.indexOf('stream\n', offset));
        expect(head).toContain('/Type /ObjStm');
        const length = Number(/\/Length (\d+)/.exec(head)![1]);
        const dataStart = offset + head.length + 'stream\n'.length;
        const decoded = text(inflateSync(pdf.subarray(dataStart, dataStart + length)));
        const pairs = decoded.slice(0, decoded.indexOf('\n')).split(' ').map(Number);
        expect(pairs[2 * b]).toBe(number);
      }
    }
    // Only streams stand outside object streams.
    const outside = [...entries.values()].filter(([type]) => type === 1).length;
    expect(outside).toBe((source.match(/\nstream\n/g) ?? []).length);
    expect(entries.get(0)).toEqual([0, 0, 65535]);
  });

  it('reads back in pdf.js and pdf-lib, text and title and all', async () => {
    const pdf = serializePdf((await sampleDocument(3)).context, deflate);
    const opened = await openPdf(pdf);
    expect(opened.numPages).toBe(3);
    expect((await pageText(opened, 2)).items.map((i) => i.str).join('')).toBe('Page 2');
    const loaded = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(loaded.getPageCount()).toBe(3);
    expect(loaded.getTitle()).toBe('Writer test');
    expect(loaded.catalog.get(PDFName.of('Pages'))).toBeDefined();
  });

  it('gives the same bytes for the same document, and more objects than fit one object stream', async () => {
    const doc = await sampleDocument(120);
    const first = serializePdf(doc.context, deflate);
    expect(serializePdf(doc.context, deflate)).toEqual(first);
    expect((text(first).match(/\/Type \/ObjStm/g) ?? []).length).toBeGreaterThan(1);
    expect((await openPdf(first)).numPages).toBe(120);
  });

  it('writes each stream as pdf-lib writes it, its dictionary, keywords and contents byte for byte', async () => {
    const doc = await sampleDocument(2);
    const pdf = serializePdf(doc.context, deflate);
    const entries = crossReference(pdf);
    let streams = 0;
    for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFStream)) continue;
      const expected = new Uint8Array(object.sizeInBytes());
      object.copyBytesInto(expected, 0);
      const head = `${ref.objectNumber} 0 obj\n`;
      const at = entries.get(ref.objectNumber)![1] + head.length;
      expect(text(pdf.subarray(at - head.length, at))).toBe(head);
      expect(pdf.subarray(at, at + expected.length)).toEqual(expected);
      expect(text(pdf.subarray(at + expected.length, at + expected.length + 8))).toBe('\nendobj\n');
      streams++;
    }
    expect(streams).toBeGreaterThanOrEqual(2);
  });
});
