import type { Font } from '@pdf-lib/fontkit';
import type { FontMetrics } from '../typeset/metrics.js';

/** One shaped string: glyph ids with their advances, in font units. */
export interface Shaped {
  readonly glyphIds: readonly number[];
  /** Advance of each glyph including kerning (fontkit's `xAdvance`). */
  readonly advances: readonly number[];
  /** Default advance of each glyph: what a PDF viewer uses unless told otherwise. */
  readonly defaults: readonly number[];
  /** Text each glyph stands for (ligatures stand for several characters). */
  readonly texts: readonly string[];
  readonly width: number;
}

/**
 * Shapes text with fontkit (kerning and standard ligatures on) and caches
 * the result per string. The typesetter measures with it and the PDF writer
 * draws with the very same glyphs, so widths match to the last unit.
 */
export class Shaper {
  readonly #font: Font;
  readonly #cache = new Map<string, Shaped>();
  readonly unitsPerEm: number;

  constructor(font: Font) {
    this.#font = font;
    this.unitsPerEm = font.unitsPerEm;
  }

  get font(): Font {
    return this.#font;
  }

  shape(text: string): Shaped {
    let shaped = this.#cache.get(text);
    if (!shaped) {
      const run = this.#font.layout(text, { liga: true, kern: true });
      const glyphIds: number[] = [];
      const advances: number[] = [];
      const defaults: number[] = [];
      const texts: string[] = [];
      let width = 0;
      run.glyphs.forEach((glyph, i) => {
        const advance = run.positions[i]!.xAdvance;
        glyphIds.push(glyph.id);
        advances.push(advance);
        defaults.push(glyph.advanceWidth);
        texts.push(String.fromCodePoint(...glyph.codePoints));
        width += advance;
      });
      shaped = { glyphIds, advances, defaults, texts, width };
      this.#cache.set(text, shaped);
    }
    return shaped;
  }

  /** The typesetter's view of this font. */
  metrics(): FontMetrics {
    const em = this.unitsPerEm;
    const font = this.#font;
    return {
      width: (text) => this.shape(text).width / em,
      glyphCount: (text) => this.shape(text).glyphIds.length,
      space: this.shape(' ').width / em,
      capHeight: font.capHeight / em,
      ascent: font.ascent / em,
      descent: Math.abs(font.descent) / em,
    };
  }
}
