import { dataView, FontError, type Sfnt } from './sfnt.js';

/**
 * Code point → glyph ID, from the font's Unicode `cmap` subtable (OpenType
 * spec, "cmap — Character to Glyph Index Mapping Table"): format 12 (full
 * Unicode) when there is one, else format 4 (the Basic Multilingual Plane).
 * Characters the font lacks are not in the map.
 */
export function readCmap(sfnt: Sfnt): ReadonlyMap<number, number> {
  const bytes = sfnt.required('cmap');
  const view = dataView(bytes);
  const count = view.getUint16(2);
  let best: { offset: number; format: number; rank: number } | undefined;
  for (let i = 0; i < count; i++) {
    const record = 4 + i * 8;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const offset = view.getUint32(record + 4);
    if (offset + 2 > bytes.length) continue;
    const format = view.getUint16(offset);
    // Unicode subtables only: Windows Unicode BMP (3,1) and full (3,10), or the Unicode platform (0,*).
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || (format !== 4 && format !== 12)) continue;
    const rank = format === 12 ? 2 : 1;
    if (!best || rank > best.rank) best = { offset, format, rank };
  }
  if (!best) throw new FontError(sfnt.name, "has no Unicode 'cmap' subtable of format 4 or 12");
  return best.format === 12 ? format12(view, best.offset) : format4(view, best.offset);
}

/** Segmented coverage: groups of consecutive code points mapped to consecutive glyphs. */
function format12(view: DataView, offset: number): Map<number, number> {
  const map = new Map<number, number>();
  const groups = view.getUint32(offset + 12);
  for (let i = 0; i < groups; i++) {
    const group = offset + 16 + i * 12;
    const start = view.getUint32(group);
    const end = view.getUint32(group + 4);
    const glyph = view.getUint32(group + 8);
    for (let cp = start; cp <= end; cp++) if (glyph + cp - start !== 0) map.set(cp, glyph + cp - start);
  }
  return map;
}

/** Segment mapping to delta values, with the glyph index array for segments that need it. */
function format4(view: DataView, offset: number): Map<number, number> {
  const map = new Map<number, number>();
  const segments = view.getUint16(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + segments * 2 + 2; // past reservedPad
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(ends + s * 2);
    const start = view.getUint16(starts + s * 2);
    const delta = view.getInt16(deltas + s * 2);
    const rangeOffsetAt = rangeOffsets + s * 2;
    const rangeOffset = view.getUint16(rangeOffsetAt);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph: number;
      if (rangeOffset === 0) {
        glyph = (cp + delta) & 0xffff;
      } else {
        // The offset counts from the idRangeOffset entry itself into glyphIdArray.
        const at = rangeOffsetAt + rangeOffset + (cp - start) * 2;
        glyph = at + 2 <= view.byteLength ? view.getUint16(at) : 0;
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(cp, glyph);
    }
  }
  return map;
}
