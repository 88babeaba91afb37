import type { Font } from '@pdf-lib/fontkit';

/**
 * Pair kerning read straight from a font's GPOS table (OpenType spec,
 * "GPOS — Glyph Positioning Table", lookup type 2, PairPos formats 1 and 2,
 * possibly wrapped in type 9 extension lookups), for the `kern` feature of
 * the Latin script. Asking fontkit to lay text out costs a full shaping run;
 * this is a table look-up per pair. Returns undefined when the font keeps
 * its kerning some other way, and the caller falls back to fontkit.
 */
export type PairKerning = (left: number, right: number) => number;

// fontkit parses the tables with `restructure`: arrays may be lazy.
type Many<T> = readonly T[] | { get(i: number): T; length: number; toArray(): T[] };
const at = <T>(list: Many<T>, i: number): T | undefined => ('get' in list ? list.get(i) : list[i]);
const size = <T>(list: Many<T>): number => list.length;

interface Coverage {
  readonly version: number;
  readonly glyphs?: Many<number>;
  readonly rangeRecords?: Many<{ start: number; end: number; startCoverageIndex: number }>;
}

interface ClassDef {
  readonly version: number;
  readonly startGlyph?: number;
  readonly classValueArray?: Many<number>;
  readonly classRangeRecord?: Many<{ start: number; end: number; class: number }>;
}

interface PairValue {
  readonly value1?: { readonly xAdvance?: number };
}

interface PairPos {
  readonly version: number;
  readonly coverage: Coverage;
  readonly pairSets?: Many<Many<PairValue & { secondGlyph: number }>>;
  readonly classDef1?: ClassDef;
  readonly classDef2?: ClassDef;
  readonly classRecords?: Many<Many<PairValue>>;
}

interface Lookup {
  readonly lookupType: number;
  readonly subTables: Many<PairPos | { lookupType: number; extension: PairPos }>;
}

function coverageIndex(coverage: Coverage, glyph: number): number {
  if (coverage.version === 1 && coverage.glyphs) {
    let lo = 0;
    let hi = size(coverage.glyphs) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const g = at(coverage.glyphs, mid)!;
      if (g === glyph) return mid;
      if (g < glyph) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
  if (coverage.version === 2 && coverage.rangeRecords) {
    for (let i = 0; i < size(coverage.rangeRecords); i++) {
      const range = at(coverage.rangeRecords, i)!;
      if (glyph >= range.start && glyph <= range.end) return range.startCoverageIndex + glyph - range.start;
    }
  }
  return -1;
}

function classOf(classDef: ClassDef | undefined, glyph: number): number {
  if (!classDef) return 0;
  if (classDef.version === 1 && classDef.classValueArray && classDef.startGlyph !== undefined) {
    return at(classDef.classValueArray, glyph - classDef.startGlyph) ?? 0;
  }
  if (classDef.version === 2 && classDef.classRangeRecord) {
    for (let i = 0; i < size(classDef.classRangeRecord); i++) {
      const range = at(classDef.classRangeRecord, i)!;
      if (glyph >= range.start && glyph <= range.end) return range.class;
    }
  }
  return 0;
}

/** The x-advance adjustment one PairPos subtable gives, or undefined when it does not apply. */
function pairAdjustment(table: PairPos, left: number, right: number): number | undefined {
  const index = coverageIndex(table.coverage, left);
  if (index < 0) return undefined;
  if (table.version === 1 && table.pairSets) {
    const set = at(table.pairSets, index);
    if (!set) return undefined;
    for (let i = 0; i < size(set); i++) {
      const pair = at(set, i)!;
      if (pair.secondGlyph === right) return pair.value1?.xAdvance ?? 0;
    }
    return undefined;
  }
  if (table.version === 2 && table.classRecords) {
    const row = at(table.classRecords, classOf(table.classDef1, left));
    const value = row ? at(row, classOf(table.classDef2, right)) : undefined;
    return value?.value1?.xAdvance ?? 0;
  }
  return undefined;
}

/** Builds the look-up for `font`, or returns undefined if its kerning is not plain GPOS pairs. */
export function gposPairKerning(font: Font): PairKerning | undefined {
  const gpos = (font as unknown as { GPOS?: { scriptList: Many<{ tag: string; script: { defaultLangSys?: { featureIndexes: Many<number> } } }>; featureList: Many<{ tag: string; feature: { lookupListIndexes: Many<number> } }>; lookupList: Many<Lookup> } }).GPOS;
  if (!gpos) return undefined;
  const scripts = [...Array(size(gpos.scriptList)).keys()].map((i) => at(gpos.scriptList, i)!);
  const script = scripts.find((s) => s.tag === 'latn') ?? scripts.find((s) => s.tag === 'DFLT');
  const featureIndexes = script?.script.defaultLangSys?.featureIndexes;
  if (!featureIndexes) return undefined;
  const lookupIndexes: number[] = [];
  for (let i = 0; i < size(featureIndexes); i++) {
    const feature = at(gpos.featureList, at(featureIndexes, i)!);
    if (feature?.tag !== 'kern') continue;
    for (let j = 0; j < size(feature.feature.lookupListIndexes); j++) lookupIndexes.push(at(feature.feature.lookupListIndexes, j)!);
  }
  const tables: PairPos[][] = [];
  for (const index of lookupIndexes.sort((a, b) => a - b)) {
    const lookup = at(gpos.lookupList, index);
    if (!lookup) return undefined;
    const subTables: PairPos[] = [];
    for (let i = 0; i < size(lookup.subTables); i++) {
      const sub = at(lookup.subTables, i)!;
      if (lookup.lookupType === 2) subTables.push(sub as PairPos);
      else if (lookup.lookupType === 9 && 'extension' in sub && sub.lookupType === 2) subTables.push(sub.extension);
      else return undefined; // something other than pair kerning: leave it to fontkit
    }
    tables.push(subTables);
  }
  if (tables.length === 0) return undefined;
  return (left, right) => {
    let total = 0;
    // Each lookup applies on its own; within one, the first subtable that applies wins.
    for (const subTables of tables) {
      for (const table of subTables) {
        const value = pairAdjustment(table, left, right);
        if (value !== undefined) {
          total += value;
          break;
        }
      }
    }
    return total;
  };
}
