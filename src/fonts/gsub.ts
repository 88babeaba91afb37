import { coverage, featureLookups } from './layout-tables.js';
import type { Sfnt } from './sfnt.js';

/**
 * The glyph substitutions Latin text gets from a font's GSUB table (OpenType
 * spec, "GSUB — Glyph Substitution Table"): single substitutions (lookup
 * type 1) and ligatures (type 4) of the features a shaper turns on by
 * default for horizontal text (those of fontkit's and HarfBuzz's default
 * shapers). Contextual lookups (types 5, 6 and 8) are left out: in our faces
 * they only place combining marks (`ccmp`) or serve other languages
 * (`locl`), and text reaches the typesetter composed (NFC). A test checks
 * that shaping with these gives fontkit's glyphs for every word of the
 * sample editions in every face.
 */
export type Substitution =
  | { readonly kind: 'single'; /** Replacement of each glyph ID, -1 for none. */ readonly replace: Int32Array }
  | { readonly kind: 'ligature'; /** Ligatures by their first glyph, in the order they are tried. */ readonly ligatures: ReadonlyMap<number, readonly Ligature[]> };

export interface Ligature {
  /** The glyphs after the first that the ligature replaces. */
  readonly rest: readonly number[];
  readonly glyph: number;
}

/** Features applied to Latin text by default: fontkit's `DefaultShaper`, HarfBuzz's `hb-ot-shape.cc`. */
const DEFAULT_FEATURES: ReadonlySet<string> = new Set(['ccmp', 'locl', 'rlig', 'calt', 'clig', 'liga', 'rclt']);
const EXTENSION = 7;

/** The substitutions of `sfnt`, in the order they apply; none when the font has no GSUB. */
export function readSubstitutions(sfnt: Sfnt, numGlyphs: number): Substitution[] {
  const table = sfnt.table('GSUB');
  if (!table) return [];
  const out: Substitution[] = [];
  for (const lookup of featureLookups(table, DEFAULT_FEATURES, EXTENSION)) {
    if (lookup.type === 1) {
      const replace = new Int32Array(numGlyphs).fill(-1);
      // Later subtables only fill glyphs earlier ones did not cover: the first that applies wins.
      for (const sub of [...lookup.subtables].reverse()) singleSubtable(sub, numGlyphs, replace);
      out.push({ kind: 'single', replace });
    } else if (lookup.type === 4) {
      const ligatures = new Map<number, Ligature[]>();
      for (const sub of lookup.subtables) ligatureSubtable(sub, numGlyphs, ligatures);
      if (ligatures.size > 0) out.push({ kind: 'ligature', ligatures });
    }
  }
  return out;
}

function singleSubtable(view: DataView, numGlyphs: number, replace: Int32Array): void {
  const format = view.getUint16(0);
  const covered = coverage(view, view.getUint16(2), numGlyphs);
  for (let glyph = 0; glyph < numGlyphs; glyph++) {
    const index = covered[glyph]!;
    if (index < 0) continue;
    if (format === 1) replace[glyph] = (glyph + view.getInt16(4)) & 0xffff;
    else if (format === 2 && index < view.getUint16(4)) replace[glyph] = view.getUint16(6 + index * 2);
  }
}

function ligatureSubtable(view: DataView, numGlyphs: number, ligatures: Map<number, Ligature[]>): void {
  if (view.getUint16(0) !== 1) return;
  const covered = coverage(view, view.getUint16(2), numGlyphs);
  const setCount = view.getUint16(4);
  for (let first = 0; first < numGlyphs; first++) {
    const index = covered[first]!;
    if (index < 0 || index >= setCount) continue;
    const set = view.getUint16(6 + index * 2);
    const count = view.getUint16(set);
    const list = ligatures.get(first) ?? [];
    for (let i = 0; i < count; i++) {
      const ligature = set + view.getUint16(set + 2 + i * 2);
      const components = view.getUint16(ligature + 2);
      const rest: number[] = [];
      for (let c = 1; c < components; c++) rest.push(view.getUint16(ligature + 4 + (c - 1) * 2));
      list.push({ rest, glyph: view.getUint16(ligature) });
    }
    ligatures.set(first, list);
  }
}
