import { dataView, tagAt } from './sfnt.js';

/**
 * The structures GSUB and GPOS share (OpenType spec, "OpenType Layout
 * Common Table Formats"): script, feature and lookup lists, coverage and
 * class definition tables. Coverage and classes are decoded into arrays
 * indexed by glyph ID: our faces have a few hundred glyphs, and a look-up
 * per glyph pair must cost an array read, not a search.
 */

/** One lookup's subtables, extension lookups already unwrapped. */
export interface Lookup {
  readonly type: number;
  /** Each subtable as a view starting at the subtable. */
  readonly subtables: readonly DataView[];
}

/**
 * The lookups of `features` in the default language of the Latin script
 * (else of the default script), in lookup-list order: the order in which a
 * shaper applies them. `extensionType` is 7 for GSUB, 9 for GPOS.
 */
export function featureLookups(table: Uint8Array, features: ReadonlySet<string>, extensionType: number): Lookup[] {
  const view = dataView(table);
  const scriptList = view.getUint16(4);
  const featureList = view.getUint16(6);
  const lookupList = view.getUint16(8);
  const langSys = defaultLangSys(view, scriptList);
  if (langSys === undefined) return [];
  const indices = new Set<number>();
  const required = view.getUint16(langSys + 2);
  const count = view.getUint16(langSys + 4);
  const featureIndices = [...Array(count).keys()].map((i) => view.getUint16(langSys + 6 + i * 2));
  if (required !== 0xffff) featureIndices.push(required);
  for (const index of featureIndices) {
    const record = featureList + 2 + index * 6;
    if (!features.has(tagAt(view, record))) continue;
    const feature = featureList + view.getUint16(record + 4);
    const lookups = view.getUint16(feature + 2);
    for (let i = 0; i < lookups; i++) indices.add(view.getUint16(feature + 4 + i * 2));
  }
  return [...indices].sort((a, b) => a - b).map((index) => lookupAt(view, lookupList, index, extensionType));
}

function defaultLangSys(view: DataView, scriptList: number): number | undefined {
  const count = view.getUint16(scriptList);
  const scripts = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const record = scriptList + 2 + i * 6;
    scripts.set(tagAt(view, record), scriptList + view.getUint16(record + 4));
  }
  const script = scripts.get('latn') ?? scripts.get('DFLT');
  if (script === undefined) return undefined;
  const offset = view.getUint16(script);
  return offset === 0 ? undefined : script + offset;
}

function lookupAt(view: DataView, lookupList: number, index: number, extensionType: number): Lookup {
  const lookup = lookupList + view.getUint16(lookupList + 2 + index * 2);
  const declared = view.getUint16(lookup);
  let type = declared;
  const count = view.getUint16(lookup + 4);
  const subtables: DataView[] = [];
  for (let i = 0; i < count; i++) {
    let at = lookup + view.getUint16(lookup + 6 + i * 2);
    if (declared === extensionType) {
      // Extension subtable: format, the real lookup type (the same for all), a 32-bit offset from here.
      type = view.getUint16(at + 2);
      at += view.getUint32(at + 4);
    }
    subtables.push(new DataView(view.buffer, view.byteOffset + at, view.byteLength - at));
  }
  return { type, subtables };
}

/** Coverage table → coverage index of each glyph ID, -1 where not covered. */
export function coverage(view: DataView, offset: number, numGlyphs: number): Int32Array {
  const index = new Int32Array(numGlyphs).fill(-1);
  const format = view.getUint16(offset);
  const count = view.getUint16(offset + 2);
  if (format === 1) {
    for (let i = 0; i < count; i++) {
      const glyph = view.getUint16(offset + 4 + i * 2);
      if (glyph < numGlyphs) index[glyph] = i;
    }
  } else if (format === 2) {
    for (let r = 0; r < count; r++) {
      const record = offset + 4 + r * 6;
      const start = view.getUint16(record);
      const end = Math.min(view.getUint16(record + 2), numGlyphs - 1);
      const first = view.getUint16(record + 4);
      for (let g = start; g <= end; g++) index[g] = first + g - start;
    }
  }
  return index;
}

/** Class definition table → class of each glyph ID (0 where the table gives none). */
export function classes(view: DataView, offset: number, numGlyphs: number): Uint16Array {
  const out = new Uint16Array(numGlyphs);
  const format = view.getUint16(offset);
  if (format === 1) {
    const start = view.getUint16(offset + 2);
    const count = view.getUint16(offset + 4);
    for (let i = 0; i < count && start + i < numGlyphs; i++) out[start + i] = view.getUint16(offset + 6 + i * 2);
  } else if (format === 2) {
    const count = view.getUint16(offset + 2);
    for (let r = 0; r < count; r++) {
      const record = offset + 4 + r * 6;
      const end = Math.min(view.getUint16(record + 2), numGlyphs - 1);
      for (let g = view.getUint16(record); g <= end; g++) out[g] = view.getUint16(record + 4);
    }
  }
  return out;
}
