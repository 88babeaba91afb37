import { GlyphBuffer, type Shaper } from '../fonts/shaper.js';

/**
 * Encodes shaped text for one embedded face of one document: a `TJ` array
 * of two-byte glyph IDs (the font is embedded with `Identity-H` encoding and
 * its own glyph IDs as CIDs, see `embeddedFont`), with numbers that restore the
 * kerning the glyphs' default widths lose. Remembers which glyphs were drawn
 * and the text each stands for: the subset and the ToUnicode map are made
 * from that.
 */
export class GlyphEncoder {
  readonly #shaper: Shaper;
  /** Each glyph drawn so far, with the text it stands for (the first met, for a glyph shared by several). */
  readonly used = new Map<number, string>();
  readonly #arrays = new Map<string, string>();
  /** Each glyph ID's four hex digits, made on first use: a build encodes some 10,000 distinct words. */
  readonly #hex: string[];

  constructor(shaper: Shaper) {
    this.#shaper = shaper;
    this.#hex = new Array<string>(shaper.face.numGlyphs).fill('');
  }

  /** The `TJ` operand for `text`, e.g. `[<0012001a>-24<0031>]`. */
  array(text: string): string {
    return `[${this.operands(text)}]`;
  }

  /** What goes inside the `TJ` array for `text`, e.g. `<0012001a>-24<0031>`: runs of a line share one array. */
  operands(text: string): string {
    let out = this.#arrays.get(text);
    if (out === undefined) {
      out = this.#encode(text);
      this.#arrays.set(text, out);
    }
    return out;
  }

  /** The glyphs and kerning of the text being encoded: one buffer for every text. */
  readonly #buffer = new GlyphBuffer();

  /**
   * Text no substitution touches is encoded from its glyphs and kerning
   * read straight from the font (`Shaper.glyphsOf`), glyph g standing for
   * the text's g-th character; other text from its shaping, its glyphs and
   * kerning copied into the same buffer, each glyph standing for its text.
   */
  #encode(text: string): string {
    const buffer = this.#buffer;
    let count = this.#shaper.glyphsOf(text, buffer);
    let texts: readonly string[] | undefined;
    if (count < 0) {
      const shaped = this.#shaper.shape(text);
      count = shaped.glyphIds.length;
      buffer.reserve(count);
      for (let g = 0; g < count; g++) {
        buffer.glyphs[g] = shaped.glyphIds[g]!;
        buffer.kerns[g] = shaped.advances[g]! - shaped.defaults[g]!;
      }
      texts = shaped.texts;
    }
    const { glyphs, kerns } = buffer;
    const scale = 1000 / this.#shaper.unitsPerEm;
    let out = '<';
    for (let g = 0, at = 0; g < count; g++) {
      const id = glyphs[g]!;
      if (texts === undefined) {
        const length = text.codePointAt(at)! > 0xffff ? 2 : 1;
        if (!this.used.has(id)) this.used.set(id, text.slice(at, at + length));
        at += length;
      } else if (!this.used.has(id)) {
        this.used.set(id, texts[g]!);
      }
      out += this.#hexOf(id);
      // The numbers restore the kerning: the glyphs' default widths lack it.
      const kern = -kerns[g]! * scale;
      if (Math.abs(kern) > 0.01 && g < count - 1) out += `>${round(kern, 1)}<`;
    }
    return `${out}>`;
  }

  #hexOf(id: number): string {
    let hex = this.#hex[id];
    if (hex === undefined || hex === '') this.#hex[id] = hex = hex4(id);
    return hex;
  }
}

/**
 * A number for a content stream: at most `digits` decimals, no trailing
 * zeros, "0" for anything that rounds to zero. Written from the integer
 * `n · 10^digits` rather than by `String` of the rounded fraction: a build
 * writes some 300,000 numbers, and an integer converts to text without the
 * shortest-decimal search a fraction needs (half the time, measured). The
 * digits are the same: the double nearest k / 10^digits prints as exactly
 * that decimal.
 */
export function round(n: number, digits = 3): string {
  let k = Math.round(n * 10 ** digits);
  if (k === 0) return '0';
  const negative = k < 0;
  if (negative) k = -k;
  let decimals = digits;
  while (decimals > 0 && k % 10 === 0) {
    k /= 10;
    decimals--;
  }
  let text = String(k);
  if (decimals > 0) {
    if (text.length <= decimals) text = '0'.repeat(decimals - text.length + 1) + text;
    text = `${text.slice(0, text.length - decimals)}.${text.slice(text.length - decimals)}`;
  }
  return negative ? `-${text}` : text;
}

/** A glyph ID or UTF-16 code unit as four hex digits, as content streams and CMaps write them. */
export function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}
