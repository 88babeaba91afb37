import { dataView, FontError, pad4, writeSfnt, type Sfnt } from './sfnt.js';

/**
 * A TrueType subset that keeps glyph IDs (OpenType spec, "glyf", "loca";
 * the approach of `hb-subset --retain-gids`): the glyphs a document draws,
 * the components of composite glyphs among them and glyph 0 keep their
 * outlines, every other glyph up to the highest one used becomes empty.
 * Glyph IDs stay valid, so a PDF can address glyphs by their IDs in the
 * font (`CIDToGIDMap /Identity`) and composite glyphs need no renumbering.
 * Keeps the tables a PDF renderer uses for TrueType outlines: those of
 * fontkit's subsetter, which pdf-lib embedded before.
 */
const KEEP = ['cvt ', 'fpgm', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'prep'] as const;

export function subsetTrueType(sfnt: Sfnt, used: Iterable<number>): Uint8Array {
  if (!sfnt.table('glyf')) throw new FontError(sfnt.name, "has no 'glyf' table: only TrueType outlines can be subset");
  const head = sfnt.required('head');
  const numGlyphs = dataView(sfnt.required('maxp')).getUint16(4);
  const glyf = sfnt.required('glyf');
  const offsets = locaOffsets(sfnt, numGlyphs, dataView(head).getInt16(50), glyf.length);
  const keep = withComponents(glyf, offsets, [0, ...used].filter((g) => g >= 0 && g < numGlyphs));
  const count = Math.max(...keep) + 1;

  // glyf and loca (32-bit offsets), each kept glyph padded to four bytes.
  const glyphBytes = (g: number) => (keep.has(g) ? glyf.subarray(offsets[g]!, offsets[g + 1]!) : glyf.subarray(0, 0));
  let glyfLength = 0;
  for (let g = 0; g < count; g++) glyfLength += pad4(glyphBytes(g).length);
  const newGlyf = new Uint8Array(glyfLength);
  const newLoca = new Uint8Array((count + 1) * 4);
  const locaView = dataView(newLoca);
  let at = 0;
  for (let g = 0; g < count; g++) {
    locaView.setUint32(g * 4, at);
    const bytes = glyphBytes(g);
    newGlyf.set(bytes, at);
    at += pad4(bytes.length);
  }
  locaView.setUint32(count * 4, at);

  // Metrics of the glyphs up to the last one kept.
  const hhea = sfnt.required('hhea').slice();
  const longMetrics = dataView(hhea).getUint16(34);
  const newLong = Math.min(longMetrics, count);
  dataView(hhea).setUint16(34, newLong);
  const hmtx = sfnt.required('hmtx');
  const newHmtx = new Uint8Array(newLong * 4 + Math.max(0, count - longMetrics) * 2);
  newHmtx.set(hmtx.subarray(0, newLong * 4));
  if (count > longMetrics) newHmtx.set(hmtx.subarray(longMetrics * 4, longMetrics * 4 + (count - longMetrics) * 2), newLong * 4);
  const maxp = sfnt.required('maxp').slice();
  dataView(maxp).setUint16(4, count);
  const newHead = head.slice();
  dataView(newHead).setInt16(50, 1); // indexToLocFormat: 32-bit offsets

  const tables = new Map<string, Uint8Array>([
    ['glyf', newGlyf],
    ['head', newHead],
    ['hhea', hhea],
    ['hmtx', newHmtx],
    ['loca', newLoca],
    ['maxp', maxp],
  ]);
  for (const tag of KEEP) {
    const table = sfnt.table(tag);
    if (!tables.has(tag) && table) tables.set(tag, table);
  }
  return writeSfnt(tables);
}

/** Start of each glyph's outline in `glyf`, and the end of the last (numGlyphs + 1 offsets). */
function locaOffsets(sfnt: Sfnt, numGlyphs: number, format: number, glyfLength: number): Uint32Array {
  const loca = dataView(sfnt.required('loca'));
  const offsets = new Uint32Array(numGlyphs + 1);
  for (let g = 0; g <= numGlyphs; g++) {
    offsets[g] = format === 0 ? loca.getUint16(g * 2) * 2 : loca.getUint32(g * 4);
    if (offsets[g]! > glyfLength) throw new FontError(sfnt.name, `'loca' points past the end of 'glyf' at glyph ${g}`);
  }
  return offsets;
}

/** `glyphs` and, transitively, the components of the composite glyphs among them. */
function withComponents(glyf: Uint8Array, offsets: Uint32Array, glyphs: readonly number[]): Set<number> {
  const keep = new Set<number>();
  const view = dataView(glyf);
  const stack = [...glyphs];
  while (stack.length > 0) {
    const glyph = stack.pop()!;
    if (keep.has(glyph)) continue;
    keep.add(glyph);
    const start = offsets[glyph]!;
    if (offsets[glyph + 1]! - start < 10 || view.getInt16(start) >= 0) continue; // empty or simple
    // Composite: component records after the 10-byte header (flags, glyph index, arguments, transform).
    let at = start + 10;
    for (;;) {
      const flags = view.getUint16(at);
      const component = view.getUint16(at + 2);
      if (component + 1 < offsets.length) stack.push(component);
      at += 4 + (flags & 0x0001 ? 4 : 2); // ARG_1_AND_2_ARE_WORDS
      if (flags & 0x0008) at += 2; // WE_HAVE_A_SCALE
      else if (flags & 0x0040) at += 4; // WE_HAVE_AN_X_AND_Y_SCALE
      else if (flags & 0x0080) at += 8; // WE_HAVE_A_TWO_BY_TWO
      if (!(flags & 0x0020)) break; // MORE_COMPONENTS
    }
  }
  return keep;
}
