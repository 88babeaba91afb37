import type { PDFFont } from 'pdf-lib';
import type { Shaped, Shaper } from './font-metrics.js';

/**
 * pdf-lib's subset embedder, as far as we use it. pdf-lib exposes no way to
 * draw pre-shaped glyphs with their kerning, so we reach into the embedder
 * it keeps (pinned pdf-lib 1.17.1): each glyph we draw is added to the
 * subset exactly as `encodeText` would add it.
 */
interface SubsetEmbedder {
  readonly font: { getGlyph(id: number, codePoints?: number[]): { id: number } };
  readonly subset: { includeGlyph(glyph: { id: number }): number };
  readonly glyphs: unknown[];
  readonly glyphIdMap: Map<number, number>;
  readonly glyphCache: { invalidate(): void };
}

/**
 * Encodes shaped text for one embedded font of one document: a `TJ` array
 * whose numbers restore the kerning that the glyphs' default widths lose.
 */
export class GlyphEncoder {
  readonly #embedder: SubsetEmbedder;
  readonly #shaper: Shaper;
  readonly #hex = new Map<number, string>();
  readonly #arrays = new Map<string, string>();

  constructor(font: PDFFont, shaper: Shaper) {
    this.#embedder = (font as unknown as { embedder: SubsetEmbedder }).embedder;
    this.#shaper = shaper;
  }

  /**
   * The glyph's code in this document's subset. `text` is what the glyph
   * stands for: pdf-lib builds the font's ToUnicode map from it, which is
   * what makes the PDF's text searchable and extractable.
   */
  #glyphHex(id: number, text: string): string {
    let hex = this.#hex.get(id);
    if (hex === undefined) {
      const embedder = this.#embedder;
      const glyph = embedder.font.getGlyph(id, [...text].map((ch) => ch.codePointAt(0)!));
      const subsetId = embedder.subset.includeGlyph(glyph);
      embedder.glyphs[subsetId - 1] = glyph;
      embedder.glyphIdMap.set(glyph.id, subsetId);
      embedder.glyphCache.invalidate();
      hex = subsetId.toString(16).padStart(4, '0');
      this.#hex.set(id, hex);
    }
    return hex;
  }

  /** The `TJ` operand for `text`, e.g. `[<0012001a>-24<0031>]`. */
  array(text: string): string {
    let out = this.#arrays.get(text);
    if (out === undefined) {
      out = this.#encode(this.#shaper.shape(text));
      this.#arrays.set(text, out);
    }
    return out;
  }

  #encode(shaped: Shaped): string {
    const scale = 1000 / this.#shaper.unitsPerEm;
    let out = '[<';
    shaped.glyphIds.forEach((id, i) => {
      out += this.#glyphHex(id, shaped.texts[i]!);
      const kern = (shaped.defaults[i]! - shaped.advances[i]!) * scale;
      if (Math.abs(kern) > 0.01 && i < shaped.glyphIds.length - 1) out += `>${round(kern, 1)}<`;
    });
    return `${out}>]`;
  }
}

/** A number for a content stream: at most `digits` decimals, no trailing zeros. */
export function round(n: number, digits = 3): string {
  const scale = 10 ** digits;
  const rounded = Math.round(n * scale) / scale;
  return String(rounded === 0 ? 0 : rounded);
}
