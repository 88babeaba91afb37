import type { Font, Glyph } from '@pdf-lib/fontkit';
import type { FontMetrics } from '../typeset/metrics.js';
import { gposPairKerning, type PairKerning } from './gpos-kerning.js';

/** One shaped string: glyph ids with their advances, in font units. */
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
 * Standard ligatures worth looking for in Latin text (OpenType `liga`). The
 * font decides which of them it has; the longest match wins, as in GSUB.
 */
const LIGATURE_CANDIDATES = ['ffi', 'ffl', 'ff', 'fi', 'fl', 'fj', 'ffj', 'ft', 'fft', 'fb', 'fh', 'fk', 'Th'] as const;

/**
 * The candidates the font sets as one glyph, with that glyph. All are asked
 * in one layout, separated by spaces (a ligature cannot span a space):
 * fontkit's first layouts of a face are slow, about 3 ms a face for one
 * string against 2–4 ms a candidate. Should the spaces not come back as
 * separators, each candidate is laid out on its own.
 */
function ligatureGlyphs(font: Font, candidates: readonly string[]): [string, Glyph][] {
  const found: [string, Glyph][] = [];
  if (candidates.length === 0) return found;
  const run = font.layout(candidates.join(' '), { liga: true, kern: true });
  const space = font.glyphForCodePoint(32).id;
  const words: Glyph[][] = [[]];
  for (const glyph of run.glyphs) {
    if (glyph.id === space) words.push([]);
    else words[words.length - 1]!.push(glyph);
  }
  if (words.length === candidates.length) {
    candidates.forEach((candidate, i) => {
      if (words[i]!.length === 1) found.push([candidate, words[i]![0]!]);
    });
    return found;
  }
  for (const candidate of candidates) {
    const alone = font.layout(candidate, { liga: true, kern: true });
    if (alone.glyphs.length === 1) found.push([candidate, alone.glyphs[0]!]);
  }
  return found;
}

interface Unit {
  readonly text: string;
  readonly glyph: Glyph;
}

const pairKey = (left: Unit, right: Unit): string => `${left.text}\u0000${right.text}`;

/**
 * Shapes Latin text the way fontkit does with `liga` and `kern` on, but
 * fast: glyphs come from the cmap, ligatures from a table built once by
 * asking fontkit which candidates the font ligates, and kerning from the
 * font's GPOS pair adjustments (or, for a font that keeps them otherwise,
 * learnt from fontkit's own layouts once per pair).
 * Shaping every word through fontkit's full OpenType pipeline cost about
 * 100 µs a word; this costs about 1 µs once the pairs are known. A test
 * checks that both give the same glyphs and advances for every word of the
 * sample editions. The typesetter measures with it and the PDF writer draws
 * the very same glyphs, so widths match to the last unit.
 */
export class Shaper {
  readonly #font: Font;
  readonly #cache = new Map<string, Shaped>();
  readonly #units = new Map<string, Unit>();
  readonly #kerns = new Map<string, number>();
  /** Characters whose pairs with every text character are known. */
  readonly #swept = new Set<string>();
  #charset: string[] | undefined;
  #lastText: string | undefined;
  /** Kerning read from the GPOS table; without it, kerning is learnt from fontkit's layouts. */
  readonly #pairs: PairKerning | undefined;
  #lastShaped: Shaped | undefined;
  /** Ligatures by their first character, longest first. */
  readonly #ligatures = new Map<string, string[]>();
  readonly #full: boolean;
  readonly unitsPerEm: number;

  /**
   * `full` shapes every string with fontkit's whole OpenType pipeline: for
   * faces whose contextual forms the fast path does not know, such as a
   * blackletter nameplate.
   */
  constructor(font: Font, options: { readonly full?: boolean; /** Learn kerning from fontkit even if GPOS could be read. */ readonly learnKerning?: boolean } = {}) {
    this.#font = font;
    this.#full = options.full ?? false;
    this.unitsPerEm = font.unitsPerEm;
    this.#pairs = this.#full || options.learnKerning ? undefined : gposPairKerning(font);
    const candidates = LIGATURE_CANDIDATES.filter((candidate) => [...candidate].every((ch) => font.hasGlyphForCodePoint(ch.codePointAt(0)!)));
    for (const [candidate, glyph] of ligatureGlyphs(font, candidates)) {
      this.#units.set(candidate, { text: candidate, glyph });
      const list = this.#ligatures.get(candidate[0]!) ?? [];
      list.push(candidate);
      list.sort((a, b) => b.length - a.length);
      this.#ligatures.set(candidate[0]!, list);
    }
  }

  get font(): Font {
    return this.#font;
  }

  #unit(text: string): Unit {
    let unit = this.#units.get(text);
    if (!unit) {
      unit = { text, glyph: this.#font.glyphForCodePoint(text.codePointAt(0)!) };
      this.#units.set(text, unit);
    }
    return unit;
  }

  /**
   * Learns the kerning of every adjacent pair in `units` that is not known
   * yet, from one fontkit layout of the whole string: pair adjustments
   * (GPOS PairPos) apply between neighbours, so a word's layout holds each
   * of its pairs. English text has a few thousand distinct pairs; once they
   * are known, no word needs fontkit again.
   */
  #learnKerning(text: string, units: readonly Unit[]): void {
    const pairs = this.#pairs;
    if (pairs) {
      for (let i = 0; i + 1 < units.length; i++) {
        const key = pairKey(units[i]!, units[i + 1]!);
        if (!this.#kerns.has(key)) this.#kerns.set(key, pairs(units[i]!.glyph.id, units[i + 1]!.glyph.id));
      }
      return;
    }
    let unknown = false;
    for (let i = 0; i + 1 < units.length; i++) {
      const left = units[i]!;
      if (this.#kerns.has(pairKey(left, units[i + 1]!))) continue;
      if (left.text.length === 1 && !this.#swept.has(left.text)) {
        this.#sweep(left.text);
        if (this.#kerns.has(pairKey(left, units[i + 1]!))) continue;
      }
      unknown = true;
    }
    if (!unknown) return;
    const run = this.#font.layout(text, { liga: true, kern: true });
    const same = run.glyphs.length === units.length && run.glyphs.every((g, i) => g.id === units[i]!.glyph.id);
    for (let i = 0; i + 1 < units.length; i++) {
      const key = pairKey(units[i]!, units[i + 1]!);
      if (this.#kerns.has(key)) continue;
      if (same) {
        this.#kerns.set(key, run.positions[i]!.xAdvance - run.glyphs[i]!.advanceWidth);
      } else {
        // fontkit formed something we did not: ask for this pair alone.
        const pair = this.#font.layout(units[i]!.text + units[i + 1]!.text, { liga: true, kern: true });
        this.#kerns.set(key, pair.glyphs.length === 2 ? pair.positions[0]!.xAdvance - pair.glyphs[0]!.advanceWidth : 0);
      }
    }
  }

  /**
   * Learns every pair that `char` forms with the font's text characters, on
   * either side, from one layout of "char c₁ char c₂ char …": a few hundred
   * glyphs through fontkit once, instead of one layout per word.
   */
  #sweep(char: string): void {
    this.#swept.add(char);
    const partners = this.#textCharacters().filter((c) => !this.#ligates(char, c) && !this.#ligates(c, char));
    if (partners.length === 0) return;
    let text = '';
    for (const c of partners) text += char + c;
    text += char;
    const run = this.#font.layout(text, { liga: true, kern: true });
    if (run.glyphs.length !== text.length) return; // something ligated after all: learn word by word
    const unit = this.#unit(char);
    partners.forEach((c, k) => {
      const partner = this.#unit(c);
      const i = 2 * k;
      this.#kerns.set(pairKey(unit, partner), run.positions[i]!.xAdvance - run.glyphs[i]!.advanceWidth);
      this.#kerns.set(pairKey(partner, unit), run.positions[i + 1]!.xAdvance - run.glyphs[i + 1]!.advanceWidth);
    });
  }

  /** Whether `a` followed by `b` starts one of the font's ligatures. */
  #ligates(a: string, b: string): boolean {
    return (this.#ligatures.get(a) ?? []).some((lig) => lig.startsWith(a + b));
  }

  /** Printable Latin characters the font has (one UTF-16 unit each). */
  #textCharacters(): string[] {
    if (!this.#charset) {
      this.#charset = this.#font.characterSet
        .filter((cp) => (cp >= 0x21 && cp <= 0x7e) || (cp >= 0xa1 && cp <= 0xff) || (cp >= 0x2010 && cp <= 0x2026))
        .map((cp) => String.fromCharCode(cp));
    }
    return this.#charset;
  }

  #segment(text: string): Unit[] {
    const units: Unit[] = [];
    // Walks code points without splitting the string into an array: this runs
    // for every distinct string the typesetter measures.
    for (let i = 0; i < text.length; ) {
      const code = text.codePointAt(i)!;
      const ch = code > 0xffff ? text.slice(i, i + 2) : text[i]!;
      let matched: string | undefined;
      const ligatures = this.#ligatures.get(ch);
      if (ligatures) {
        for (const lig of ligatures) {
          if (text.startsWith(lig, i)) {
            matched = lig;
            break;
          }
        }
      }
      if (matched) {
        units.push(this.#units.get(matched)!);
        i += matched.length;
      } else {
        units.push(this.#unit(ch));
        i += ch.length;
      }
    }
    return units;
  }

  shape(text: string): Shaped {
    // The typesetter asks for a string's width and then its glyph count.
    if (text === this.#lastText) return this.#lastShaped!;
    let shaped = this.#cache.get(text);
    if (!shaped && this.#full) {
      shaped = this.#shapeFully(text);
      this.#cache.set(text, shaped);
    }
    if (!shaped) {
      const units = this.#segment(text);
      this.#learnKerning(text, units);
      const glyphIds: number[] = [];
      const advances: number[] = [];
      const defaults: number[] = [];
      const texts: string[] = [];
      let width = 0;
      units.forEach((unit, i) => {
        const next = units[i + 1];
        const advance = unit.glyph.advanceWidth + (next ? this.#kerns.get(pairKey(unit, next))! : 0);
        glyphIds.push(unit.glyph.id);
        advances.push(advance);
        defaults.push(unit.glyph.advanceWidth);
        texts.push(unit.text);
        width += advance;
      });
      shaped = { glyphIds, advances, defaults, texts, width };
      this.#cache.set(text, shaped);
    }
    this.#lastText = text;
    this.#lastShaped = shaped;
    return shaped;
  }

  #shapeFully(text: string): Shaped {
    const run = this.#font.layout(text, { liga: true, kern: true });
    return {
      glyphIds: run.glyphs.map((g) => g.id),
      advances: run.positions.map((p) => p.xAdvance),
      defaults: run.glyphs.map((g) => g.advanceWidth),
      texts: run.glyphs.map((g) => String.fromCodePoint(...g.codePoints)),
      width: run.positions.reduce((sum, p) => sum + p.xAdvance, 0),
    };
  }

  /** The typesetter's view of this font. */
  metrics(): FontMetrics {
    return new ShaperMetrics(this);
  }
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
  readonly space: number;
  readonly capHeight: number;
  readonly ascent: number;
  readonly descent: number;

  constructor(shaper: Shaper) {
    const { font } = shaper;
    this.#shaper = shaper;
    this.#em = shaper.unitsPerEm;
    this.space = shaper.shape(' ').width / this.#em;
    this.capHeight = font.capHeight / this.#em;
    this.ascent = font.ascent / this.#em;
    this.descent = Math.abs(font.descent) / this.#em;
  }

  width(text: string): number {
    return this.#shaper.shape(text).width / this.#em;
  }

  glyphCount(text: string): number {
    return this.#shaper.shape(text).glyphIds.length;
  }

  covers(char: string): boolean {
    return this.#shaper.font.hasGlyphForCodePoint(char.codePointAt(0)!);
  }
}
