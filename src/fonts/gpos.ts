import { classes, coverage, featureLookups } from './layout-tables.js';
import type { Sfnt } from './sfnt.js';

/**
 * Pair kerning from a font's GPOS table (OpenType spec, "GPOS — Glyph
 * Positioning Table", lookup type 2, PairPos formats 1 and 2, possibly in
 * type 9 extension lookups) for the `kern` feature: the x-advance the first
 * glyph of a pair gains or loses before the second.
 */
export type PairKerning = (left: number, right: number) => number;

const KERN: ReadonlySet<string> = new Set(['kern']);
const EXTENSION = 9;

/** One PairPos subtable: the adjustment for a pair, or undefined when the subtable does not apply to it. */
type PairSubtable = (left: number, right: number) => number | undefined;

/** The kerning of `sfnt`; no kerning at all (0 for every pair) when it has no GPOS pairs. */
export function readPairKerning(sfnt: Sfnt, numGlyphs: number): PairKerning {
  const table = sfnt.table('GPOS');
  const lookups = table ? featureLookups(table, KERN, EXTENSION).filter((lookup) => lookup.type === 2) : [];
  const tables = lookups.map((lookup) => lookup.subtables.map((sub) => pairSubtable(sub, numGlyphs)));
  if (tables.length === 0) return () => 0;
  return (left, right) => {
    let total = 0;
    // Each lookup applies on its own; within one, the first subtable that applies wins.
    for (const subtables of tables) {
      for (const subtable of subtables) {
        const value = subtable(left, right);
        if (value !== undefined) {
          total += value;
          break;
        }
      }
    }
    return total;
  };
}

/** Bytes of a value record with this format: two per field present (xPlacement … yAdvDevice). */
const valueSize = (format: number) => 2 * popCount(format & 0xff);
/** Where xAdvance sits in a value record, or -1 when the format has none. */
const xAdvanceAt = (format: number) => ((format & 4) === 0 ? -1 : 2 * popCount(format & 3));

function popCount(n: number): number {
  let count = 0;
  for (let m = n; m !== 0; m &= m - 1) count++;
  return count;
}

function pairSubtable(view: DataView, numGlyphs: number): PairSubtable {
  const format = view.getUint16(0);
  const covered = coverage(view, view.getUint16(2), numGlyphs);
  const format1 = view.getUint16(4);
  const format2 = view.getUint16(6);
  const advance = xAdvanceAt(format1);
  const recordSize = valueSize(format1) + valueSize(format2);
  const inRange = (glyph: number) => glyph >= 0 && glyph < numGlyphs;
  if (format === 1) {
    // Pair sets: for each covered first glyph, its second glyphs in order.
    const sets = view.getUint16(8);
    return (left, right) => {
      const index = inRange(left) ? covered[left]! : -1;
      if (index < 0 || index >= sets) return undefined;
      const set = view.getUint16(10 + index * 2);
      const count = view.getUint16(set);
      for (let i = 0; i < count; i++) {
        const record = set + 2 + i * (2 + recordSize);
        if (view.getUint16(record) === right) return advance < 0 ? 0 : view.getInt16(record + 2 + advance);
      }
      return undefined;
    };
  }
  if (format === 2) {
    // Class pairs: one value record per (class of first, class of second).
    const first = classes(view, view.getUint16(8), numGlyphs);
    const second = classes(view, view.getUint16(10), numGlyphs);
    const class1Count = view.getUint16(12);
    const class2Count = view.getUint16(14);
    return (left, right) => {
      if (!inRange(left) || covered[left]! < 0) return undefined;
      const c1 = first[left]!;
      const c2 = inRange(right) ? second[right]! : 0;
      if (c1 >= class1Count || c2 >= class2Count || advance < 0) return 0;
      return view.getInt16(16 + (c1 * class2Count + c2) * recordSize + advance);
    };
  }
  return () => undefined;
}
