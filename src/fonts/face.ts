import { dataView, FontError, type Sfnt } from './sfnt.js';

/**
 * What the typesetter and the PDF font descriptor need to know of a face,
 * read from its `head`, `hhea`, `maxp`, `hmtx`, `OS/2`, `post` and `name`
 * tables (OpenType spec, "Required tables"). Lengths are in font units.
 */
export interface FaceInfo {
  /** PostScript name (name ID 6), the PDF's `BaseFont`. */
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  readonly numGlyphs: number;
  /** Advance width of every glyph, by glyph ID. */
  readonly advances: Uint16Array;
  /** Union of all glyph bounding boxes: xMin, yMin, xMax, yMax. */
  readonly bbox: readonly [number, number, number, number];
  /** Ascender and descender from `hhea` (the descender is negative), as fontkit and most shapers report them. */
  readonly ascent: number;
  readonly descent: number;
  /** Height of capitals (`OS/2` version 2 and later), else the ascender. */
  readonly capHeight: number;
  /** x-height (`OS/2` version 2 and later), 0 when the font does not say. */
  readonly xHeight: number;
  /** Degrees counter-clockwise from the vertical (`post`). */
  readonly italicAngle: number;
  readonly isFixedPitch: boolean;
  /** `head.macStyle` bit 1. */
  readonly italic: boolean;
  /** IBM font family class (`OS/2.sFamilyClass`, high byte): 1–7 serif, 8 sans, 10 script. */
  readonly familyClass: number;
  /** `head.indexToLocFormat`: 0 for 16-bit `loca` offsets, 1 for 32-bit. */
  readonly indexToLocFormat: number;
}

export function readFace(sfnt: Sfnt): FaceInfo {
  const head = dataView(sfnt.required('head'));
  const hhea = dataView(sfnt.required('hhea'));
  const maxp = dataView(sfnt.required('maxp'));
  const hmtxBytes = sfnt.required('hmtx');
  const hmtx = dataView(hmtxBytes);
  const unitsPerEm = head.getUint16(18);
  if (unitsPerEm < 16 || unitsPerEm > 16384) throw new FontError(sfnt.name, `'head' gives ${unitsPerEm} units per em`);
  const numGlyphs = maxp.getUint16(4);
  const longMetrics = hhea.getUint16(34);
  if (longMetrics === 0 || longMetrics > numGlyphs || hmtxBytes.length < longMetrics * 4) {
    throw new FontError(sfnt.name, `'hhea' and 'hmtx' disagree on the number of metrics`);
  }
  // Glyphs past the last long metric share its advance (monospaced tails).
  const advances = new Uint16Array(numGlyphs);
  for (let g = 0; g < numGlyphs; g++) advances[g] = hmtx.getUint16(Math.min(g, longMetrics - 1) * 4);
  const ascent = hhea.getInt16(4);
  const os2Bytes = sfnt.table('OS/2');
  const os2 = os2Bytes ? dataView(os2Bytes) : undefined;
  const os2Version = os2 ? os2.getUint16(0) : -1;
  const hasHeights = os2 !== undefined && os2Version >= 2 && os2.byteLength >= 90;
  const post = dataView(sfnt.required('post'));
  return {
    postscriptName: postscriptName(sfnt),
    unitsPerEm,
    numGlyphs,
    advances,
    bbox: [head.getInt16(36), head.getInt16(38), head.getInt16(40), head.getInt16(42)],
    ascent,
    descent: hhea.getInt16(6),
    capHeight: hasHeights ? os2.getInt16(88) : ascent,
    xHeight: hasHeights ? os2.getInt16(86) : 0,
    italicAngle: post.getInt32(4) / 65536,
    isFixedPitch: post.getUint32(12) !== 0,
    italic: (head.getUint16(44) & 2) !== 0,
    familyClass: os2 ? os2.getInt16(30) >> 8 : 0,
    indexToLocFormat: head.getInt16(50),
  };
}

/**
 * Name ID 6 from the `name` table: Windows Unicode (platform 3, UTF-16BE)
 * first, else Macintosh Roman (platform 1, taken as Latin-1), else "Font".
 */
function postscriptName(sfnt: Sfnt): string {
  const bytes = sfnt.table('name');
  if (!bytes) return 'Font';
  const view = dataView(bytes);
  const count = view.getUint16(2);
  const strings = view.getUint16(4);
  let mac: string | undefined;
  for (let i = 0; i < count; i++) {
    const record = 6 + i * 12;
    if (record + 12 > bytes.length) break;
    const platform = view.getUint16(record);
    const nameId = view.getUint16(record + 6);
    if (nameId !== 6) continue;
    const length = view.getUint16(record + 8);
    const start = strings + view.getUint16(record + 10);
    if (start + length > bytes.length) continue;
    if (platform === 3) {
      let name = '';
      for (let k = 0; k + 1 < length; k += 2) name += String.fromCharCode(view.getUint16(start + k));
      return sanitize(name);
    }
    if (platform === 1 && mac === undefined) mac = String.fromCharCode(...bytes.subarray(start, start + length));
  }
  return mac !== undefined ? sanitize(mac) : 'Font';
}

/** A PDF name may not hold white space or delimiters (ISO 32000-1 §7.3.5); PostScript names should not either. */
function sanitize(name: string): string {
  const clean = name.replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, '');
  return clean || 'Font';
}
