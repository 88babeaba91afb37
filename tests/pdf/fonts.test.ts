/**
 * A face embedded by `embedFont`: a composite font whose CIDs are the font's
 * glyph IDs, read back with pdf-lib (the dictionaries) and pdf.js (the text).
 */
import { inflateSync } from 'node:zlib';
import type { PDFArray as PdfArray, PDFDict as PdfDict, PDFNumber as PdfNumber, PDFRawStream as PdfRawStream, PDFRef } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFontFiles } from '../../src/build/font-files.js';
import { Shaper } from '../../src/fonts/shaper.js';
import { embeddedFont, placeFont } from '../../src/pdf/fonts.js';
import { GlyphEncoder } from '../../src/pdf/glyph-encoder.js';
import { pdfLib } from '../../src/pdf/pdf-lib.js';
import { openPdf, pageText } from '../helpers/pdf-text.js';

// pdf-lib's classes from our adapter: objects of two copies of pdf-lib do not mix.
const { PDFArray, PDFDict, PDFDocument, PDFName } = pdfLib;
type PDFArray = PdfArray;
type PDFDict = PdfDict;
type PDFNumber = PdfNumber;
type PDFRawStream = PdfRawStream;

const TEXT = 'office AVATAR';
let shaper: Shaper;
let bytes: Uint8Array;

beforeAll(async () => {
  shaper = Shaper.fromBytes((await readFontFiles()).body, 'body');
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 100]);
  const ref = doc.context.nextRef();
  const encoder = new GlyphEncoder(shaper);
  page.node.setFontDictionary(PDFName.of('F1'), ref);
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(`BT /F1 12 Tf 10 50 Td ${encoder.array(TEXT)} TJ ET`)));
  placeFont(doc.context, ref, embeddedFont(doc.context, shaper, encoder.used));
  bytes = await doc.save();
});

async function fontDicts() {
  const doc = await PDFDocument.load(bytes);
  const dict = (value: unknown) => doc.context.lookup(value as PDFRef, PDFDict);
  const page = doc.getPage(0);
  const type0 = dict(page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict).get(PDFName.of('F1')));
  const cid = dict(type0.lookup(PDFName.of('DescendantFonts'), PDFArray).get(0));
  const descriptor = dict(cid.get(PDFName.of('FontDescriptor')));
  const stream = (of: PDFDict, key: string) => doc.context.lookup(of.get(PDFName.of(key)) as PDFRef) as PDFRawStream;
  return { type0, cid, descriptor, stream };
}

describe('a face embedded for the glyphs drawn', () => {
  it('is a Type 0 font over a CIDFontType2 addressed by glyph ID', async () => {
    const { type0, cid } = await fontDicts();
    expect(String(type0.get(PDFName.of('Subtype')))).toBe('/Type0');
    expect(String(type0.get(PDFName.of('Encoding')))).toBe('/Identity-H');
    expect(String(cid.get(PDFName.of('Subtype')))).toBe('/CIDFontType2');
    expect(String(cid.get(PDFName.of('CIDToGIDMap')))).toBe('/Identity');
    expect(String(type0.get(PDFName.of('BaseFont')))).toMatch(/^\/[A-Z]{6}\+OldStandardTT-Regular$/);
  });

  it('gives each glyph drawn its advance in thousandths of the em, and no other glyph a width', async () => {
    const { cid } = await fontDicts();
    const w = cid.lookup(PDFName.of('W'), PDFArray).asArray();
    const widths = new Map<number, number>();
    for (let i = 0; i < w.length; i += 2) {
      const first = (w[i] as PDFNumber).asNumber();
      (w[i + 1] as PDFArray).asArray().forEach((n, k) => widths.set(first + k, (n as PDFNumber).asNumber()));
    }
    const drawn = [...new Set(shaper.shape(TEXT).glyphIds)].sort((a, b) => a - b);
    expect([...widths.keys()].sort((a, b) => a - b)).toEqual(drawn);
    for (const glyph of drawn) expect(widths.get(glyph)).toBeCloseTo((shaper.face.advances[glyph]! * 1000) / shaper.unitsPerEm, 3);
  });

  it('embeds the subset with its unpacked length, as FontFile2 requires', async () => {
    const { descriptor, stream } = await fontDicts();
    const file = stream(descriptor, 'FontFile2');
    const unpacked = inflateSync(file.getContents());
    expect((file.dict.get(PDFName.of('Length1')) as PDFNumber).asNumber()).toBe(unpacked.length);
    expect(unpacked.length).toBeLessThan(shaper.sfnt.bytes.length);
  });

  it('maps every glyph back to its text, a ligature to its letters', async () => {
    const { type0, stream } = await fontDicts();
    const cmap = inflateSync(stream(type0, 'ToUnicode').getContents()).toString('latin1');
    const fi = shaper.shape('fi').glyphIds[0]!;
    expect(cmap).toContain(`<${fi.toString(16).padStart(4, '0')}> <00660069>`);
    const pdf = await openPdf(bytes);
    const text = (await pageText(pdf, 1)).items.map((item) => item.str).join('');
    expect(text.replace(/\s+/g, ' ').trim()).toBe(TEXT);
  });
});
