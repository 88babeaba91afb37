import type { FontMetrics } from '../typeset/metrics.js';
import { readCmap } from './cmap.js';
import { readFace, type FaceInfo } from './face.js';
import { readPairKerning, type PairKerning } from './gpos.js';
import { readSubstitutions, type Substitution } from './gsub.js';
import { readSfnt, type Sfnt } from './sfnt.js';

/** One shaped string: glyph IDs with their advances, in font units. */
export interface Shaped {
  readonly glyphIds: readonly number[];
  /** Advance of each glyph including kerning with the next one. */
  readonly advances: readonly number[];
  /** Default advance of each glyph: what a PDF viewer uses unless told otherwise. */
  readonly defaults: readonly number[];
  /** Text each glyph stands for (ligatures stand for several characters). */
  readonly texts: readonly string[];
  readonly width: number;
}

/**
 * Shapes Latin text with the font's own tables: characters to glyphs by the
 * cmap, then the GSUB substitutions in lookup order (ligatures among them),
 * then GPOS pair kerning. That is what a full OpenType shaper does for
 * composed Latin text, at the cost of a few array reads a glyph; a test
 * checks that it gives fontkit's glyphs and advances for every word of the
 * sample editions in every face. The typesetter measures with it and the
 * PDF writer draws the very same glyphs, so widths match to the last unit.
 *
 * Reading the tables directly replaced fontkit, whose loading alone (it
 * decompresses its Unicode tables and a Brotli dictionary at start) cost
 * more than a build's whole typesetting of the fonts' metrics.
 */
export class Shaper {
  /** The font's tables, for subsetting. */
  readonly sfnt: Sfnt;
  readonly face: FaceInfo;
  readonly unitsPerEm: number;
  readonly #cmap: ReadonlyMap<number, number>;
  readonly #substitutions: readonly Substitution[];
  readonly #substitutes: boolean;
  readonly #kerning: PairKerning;
  /** 1 for each glyph a substitution may replace or begin a ligature with (in our faces: "f", and a few signs). */
  readonly #substituted: Uint8Array;
  /** Kerning of the pairs met so far, by `left * 65536 + right`. */
  readonly #kerns = new Map<number, number>();
  readonly #cache = new Map<string, Shaped>();

  /** A shaper for the font in `bytes` (TrueType or OpenType, not WOFF); `name` names it in errors. */
  static fromBytes(bytes: Uint8Array, name: string): Shaper {
    return new Shaper(readSfnt(bytes, name));
  }

  constructor(sfnt: Sfnt) {
    this.sfnt = sfnt;
    this.face = readFace(sfnt);
    this.unitsPerEm = this.face.unitsPerEm;
    this.#cmap = readCmap(sfnt);
    this.#substitutions = readSubstitutions(sfnt, this.face.numGlyphs);
    this.#substitutes = this.#substitutions.length > 0;
    this.#kerning = readPairKerning(sfnt, this.face.numGlyphs);
    this.#substituted = substitutedGlyphs(this.#substitutions, this.face.numGlyphs);
  }

  /** Whether the font has a glyph for the code point. */
  covers(codePoint: number): boolean {
    return this.#cmap.has(codePoint);
  }

  shape(text: string): Shaped {
    let shaped = this.#cache.get(text);
    if (!shaped) {
      shaped = this.#shape(text);
      this.#cache.set(text, shaped);
    }
    return shaped;
  }

  /**
   * `shape(text).width` and `shape(text).glyphIds.length`, in `result`
   * (width in font units, then glyphs), without shaping text that no
   * substitution touches (`glyphsOf`): the width is its glyphs' advances and
   * kerning, summed in whole font units, so exactly the shaped width. The
   * typesetter measures every piece of every word; shaping each (arrays of
   * glyphs, advances and texts, kept in the cache) made most of what a build
   * allocated for fonts.
   */
  measure(text: string, result: Float64Array): void {
    const buffer = this.#buffer;
    const count = this.glyphsOf(text, buffer);
    if (count < 0) {
      const shaped = this.shape(text);
      result[0] = shaped.width;
      result[1] = shaped.glyphIds.length;
      return;
    }
    const { glyphs, kerns } = buffer;
    let width = 0;
    for (let g = 0; g < count; g++) width += (this.face.advances[glyphs[g]!] ?? 0) + kerns[g]!;
    result[0] = width;
    result[1] = count;
  }

  /** Where `measure` reads the glyphs of the text it measures. */
  readonly #buffer = new GlyphBuffer();

  /**
   * The glyphs of `text` and the kerning after each (in font units; 0 after
   * the last) into `into`, without shaping: for text no substitution touches,
   * its glyphs are its characters' glyphs. Returns the number of glyphs, or -1
   * for text a substitution touches, which only `shape` sets.
   */
  glyphsOf(text: string, into: GlyphBuffer): number {
    into.reserve(text.length);
    const { glyphs, kerns } = into;
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i)!;
      if (code > 0xffff) i++;
      const glyph = this.#cmap.get(code) ?? 0;
      if (this.#substituted[glyph] === 1) return -1;
      if (n > 0) kerns[n - 1] = this.#kern(glyphs[n - 1]!, glyph);
      glyphs[n++] = glyph;
    }
    if (n > 0) kerns[n - 1] = 0;
    return n;
  }

  #shape(text: string): Shaped {
    let glyphIds: number[] = [];
    let texts: string[] = [];
    let touched = false;
    for (let i = 0; i < text.length; ) {
      const code = text.codePointAt(i)!;
      const char = code > 0xffff ? text.slice(i, i + 2) : text[i]!;
      const glyph = this.#cmap.get(code) ?? 0;
      if (this.#substituted[glyph] === 1) touched = true;
      glyphIds.push(glyph);
      texts.push(char);
      i += char.length;
    }
    // Text with no glyph a substitution may replace or begin a ligature with
    // skips the lookups: each ligature lookup copies the glyphs even where it
    // finds nothing. A face without substitutions never touches its (empty)
    // list: an empty array has another hidden class than one of objects, and
    // the loop's optimised code would be thrown away on meeting it.
    for (let k = 0; touched && this.#substitutes && k < this.#substitutions.length; k++) {
      const substitution = this.#substitutions[k]!;
      if (substitution.kind === 'single') {
        for (let i = 0; i < glyphIds.length; i++) {
          const replacement = substitution.replace[glyphIds[i]!] ?? -1;
          if (replacement >= 0) glyphIds[i] = replacement;
        }
      } else {
        [glyphIds, texts] = ligate(glyphIds, texts, substitution.ligatures);
      }
    }
    const advances: number[] = [];
    const defaults: number[] = [];
    let width = 0;
    for (let i = 0; i < glyphIds.length; i++) {
      const own = this.face.advances[glyphIds[i]!] ?? 0;
      const advance = i + 1 < glyphIds.length ? own + this.#kern(glyphIds[i]!, glyphIds[i + 1]!) : own;
      advances.push(advance);
      defaults.push(own);
      width += advance;
    }
    return { glyphIds, advances, defaults, texts, width };
  }

  #kern(left: number, right: number): number {
    const key = left * 65536 + right;
    let kern = this.#kerns.get(key);
    if (kern === undefined) this.#kerns.set(key, (kern = this.#kerning(left, right)));
    return kern;
  }

  /** The typesetter's view of this font. */
  metrics(): FontMetrics {
    return new ShaperMetrics(this);
  }
}

/**
 * Glyph IDs and the kerning after each, as `Shaper.glyphsOf` fills them:
 * one buffer reused for every text, grown when a text needs more, so that
 * reading a text's glyphs allocates nothing.
 */
export class GlyphBuffer {
  glyphs = new Int32Array(64);
  kerns = new Float64Array(64);

  /** Room for `length` glyphs. */
  reserve(length: number): void {
    if (this.glyphs.length >= length) return;
    this.glyphs = new Int32Array(2 * length);
    this.kerns = new Float64Array(2 * length);
  }
}

/** Marks the glyphs a single substitution replaces and those a ligature begins with. */
function substitutedGlyphs(substitutions: readonly Substitution[], numGlyphs: number): Uint8Array {
  const marked = new Uint8Array(numGlyphs);
  for (const substitution of substitutions) {
    if (substitution.kind === 'single') {
      for (let glyph = 0; glyph < numGlyphs; glyph++) if (substitution.replace[glyph]! >= 0) marked[glyph] = 1;
    } else {
      for (const glyph of substitution.ligatures.keys()) marked[glyph] = 1;
    }
  }
  return marked;
}

/** Applies one ligature lookup along the glyphs: at each place, the first ligature whose glyphs follow. */
function ligate(
  glyphIds: readonly number[],
  texts: readonly string[],
  ligatures: ReadonlyMap<number, readonly { readonly rest: readonly number[]; readonly glyph: number }[]>,
): [number[], string[]] {
  const outGlyphs: number[] = [];
  const outTexts: string[] = [];
  for (let i = 0; i < glyphIds.length; ) {
    const candidates = ligatures.get(glyphIds[i]!);
    const match = candidates?.find((ligature) => ligature.rest.every((glyph, k) => glyphIds[i + 1 + k] === glyph));
    if (match) {
      outGlyphs.push(match.glyph);
      outTexts.push(texts.slice(i, i + 1 + match.rest.length).join(''));
      i += 1 + match.rest.length;
    } else {
      outGlyphs.push(glyphIds[i]!);
      outTexts.push(texts[i]!);
      i += 1;
    }
  }
  return [outGlyphs, outTexts];
}

/**
 * A shaper seen as `FontMetrics`. One class for every face, so that the
 * typesetter's calls of `width` see one function rather than a closure per
 * face: V8 optimises a call site for the targets it has seen and throws the
 * optimised code away ("wrong call target") when a new face turns up.
 */
class ShaperMetrics implements FontMetrics {
  readonly #shaper: Shaper;
  readonly #em: number;
  /** Width and glyph count of `#lastText`: no object per measurement. */
  readonly #measured = new Float64Array(2);
  #lastText: string | undefined;
  readonly space: number;
  readonly capHeight: number;
  readonly ascent: number;
  readonly descent: number;

  constructor(shaper: Shaper) {
    const { face } = shaper;
    this.#shaper = shaper;
    this.#em = face.unitsPerEm;
    this.space = shaper.shape(' ').width / this.#em;
    this.capHeight = face.capHeight / this.#em;
    this.ascent = face.ascent / this.#em;
    this.descent = Math.abs(face.descent) / this.#em;
  }

  width(text: string): number {
    return this.#measure(text)[0]! / this.#em;
  }

  glyphCount(text: string): number {
    return this.#measure(text)[1]!;
  }

  /** The positioner asks for a run's width and then its glyph count: the second is not measured again. */
  #measure(text: string): Float64Array {
    if (text !== this.#lastText) {
      this.#shaper.measure(text, this.#measured);
      this.#lastText = text;
    }
    return this.#measured;
  }

  covers(char: string): boolean {
    return this.#shaper.covers(char.codePointAt(0)!);
  }
}
