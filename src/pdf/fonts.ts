import type { PDFArray, PDFContext, PDFDict, PDFRawStream, PDFRef } from 'pdf-lib';
import type { Shaper } from '../fonts/shaper.js';
import { subsetTrueType } from '../fonts/subset.js';
import { hex4, round } from './glyph-encoder.js';
import { pdfLib } from './pdf-lib.js';

const { PDFName, PDFString } = pdfLib;

/** A number as a content stream writes it, at most three decimals. */
const num = (n: number): number => Number(round(n));

/**
 * A face embedded for the glyphs a document drew, made once and placed in
 * as many documents as show those glyphs (the edition and each of its
 * one-page PDFs): the compressed streams are shared objects, the
 * dictionaries around them are written anew in each document.
 */
export interface EmbeddedFont {
  readonly baseFont: string;
  /** The TrueType subset, compressed, with its unpacked `Length1`. */
  readonly fontFile: PDFRawStream;
  readonly toUnicode: PDFRawStream;
  /** The font descriptor's values, FontFile2 aside. */
  readonly descriptor: Readonly<Record<string, string | number | readonly number[]>>;
  /**
   * The CIDFont's `W` array, made once and placed as the same object in
   * every document: a direct object holds no reference into its document,
   * and remaking its hundreds of numbers for each one-page PDF was most of
   * the time spent placing fonts.
   */
  readonly widths: PDFArray;
}

/**
 * Makes a face's composite font (ISO 32000-1 §9.7): a Type 0 font with
 * `Identity-H` encoding over a `CIDFontType2` whose CIDs are the font's own
 * glyph IDs (`CIDToGIDMap /Identity`), the glyphs a document drew as a
 * TrueType subset that keeps their IDs, their widths, and a ToUnicode map so
 * that the text can be searched and copied (§9.10.3). `used` maps each glyph
 * drawn to the text it stands for. Streams are compressed with the
 * context's `flateStream`.
 */
export function embeddedFont(context: PDFContext, shaper: Shaper, used: ReadonlyMap<number, string>): EmbeddedFont {
  const { face } = shaper;
  const glyphs = [...used.keys()].sort((a, b) => a - b);
  const baseFont = `${subsetTag(glyphs)}+${face.postscriptName}`;
  const scale = 1000 / face.unitsPerEm;
  const file = subsetTrueType(shaper.sfnt, glyphs);
  const familyClass = face.familyClass;
  return {
    baseFont,
    fontFile: context.flateStream(file, { Length1: file.length }),
    toUnicode: context.flateStream(unicodeCMap(glyphs, used)),
    descriptor: {
      Type: 'FontDescriptor',
      FontName: baseFont,
      Flags: fontFlags({ fixedPitch: face.isFixedPitch, serif: familyClass >= 1 && familyClass <= 7, script: familyClass === 10, italic: face.italic }),
      FontBBox: face.bbox.map((n) => num(n * scale)),
      ItalicAngle: face.italicAngle,
      Ascent: num(face.ascent * scale),
      Descent: num(face.descent * scale),
      CapHeight: num(face.capHeight * scale),
      XHeight: num(face.xHeight * scale),
      // No table gives the dominant stem width; 0 means "unknown" to a reader.
      StemV: 0,
    },
    widths: context.obj(widths(glyphs, (g) => (face.advances[g] ?? 0) * scale)),
  };
}

/** Writes `font`'s dictionaries into `context`, the Type 0 font at `ref`, reserved when the font was first used. */
export function placeFont(context: PDFContext, ref: PDFRef, font: EmbeddedFont): void {
  const descriptor = context.obj(font.descriptor) as PDFDict;
  descriptor.set(PDFName.of('FontFile2'), context.register(font.fontFile));
  const cidFont = context.obj({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: font.baseFont,
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
    FontDescriptor: context.register(descriptor),
    CIDToGIDMap: 'Identity',
  }) as PDFDict;
  cidFont.set(PDFName.of('W'), font.widths);
  context.assign(
    ref,
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: font.baseFont,
      Encoding: 'Identity-H',
      DescendantFonts: [context.register(cidFont)],
      ToUnicode: context.register(font.toUnicode),
    }),
  );
}

/**
 * Six capital letters naming the subset (§9.6.4 "Font subsets"), derived
 * from the glyphs it holds so that the same glyphs give the same name: the
 * output stays byte-identical from build to build.
 */
function subsetTag(glyphs: readonly number[]): string {
  // FNV-1a over the glyph IDs.
  let hash = 0x811c9dc5;
  for (const glyph of glyphs) {
    hash = Math.imul(hash ^ (glyph & 0xff), 0x01000193);
    hash = Math.imul(hash ^ (glyph >>> 8), 0x01000193);
  }
  let tag = '';
  for (let i = 0, h = hash >>> 0; i < 6; i++, h = Math.floor(h / 26)) tag += String.fromCharCode(65 + (h % 26));
  return tag;
}

/** Font descriptor flags (§9.8.2, table 123). */
function fontFlags(options: { fixedPitch: boolean; serif: boolean; script: boolean; italic: boolean }): number {
  let flags = 4; // Symbolic: the glyphs are addressed by ID, not by a standard encoding.
  if (options.fixedPitch) flags |= 1;
  if (options.serif) flags |= 2;
  if (options.script) flags |= 8;
  if (options.italic) flags |= 64;
  return flags;
}

/** The `W` array (§9.7.4.3): runs of consecutive CIDs, each with its widths. */
function widths(glyphs: readonly number[], width: (glyph: number) => number): (number | number[])[] {
  const out: (number | number[])[] = [];
  let run: number[] = [];
  glyphs.forEach((glyph, i) => {
    if (i > 0 && glyph !== glyphs[i - 1]! + 1) {
      out.push(run);
      run = [];
    }
    if (run.length === 0) out.push(glyph);
    run.push(num(width(glyph)));
  });
  if (run.length > 0) out.push(run);
  return out;
}

/** A ToUnicode CMap (§9.10.3; Adobe Technical Note 5411): each glyph ID to the UTF-16BE text it stands for. */
function unicodeCMap(glyphs: readonly number[], used: ReadonlyMap<number, string>): string {
  const lines: string[] = [];
  // At most 100 entries between beginbfchar and endbfchar.
  for (let i = 0; i < glyphs.length; i += 100) {
    const block = glyphs.slice(i, i + 100);
    lines.push(`${block.length} beginbfchar`);
    for (const glyph of block) lines.push(`<${hex4(glyph)}> <${utf16Hex(used.get(glyph) ?? '')}>`);
    lines.push('endbfchar');
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...lines,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

function utf16Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += hex4(text.charCodeAt(i));
  return out || '0000';
}
