/**
 * Font metrics as the typesetter sees them. The engine never opens a font
 * file: whoever calls it (the PDF adapter in production, a fixed-width stub
 * in tests) passes these functions in.
 */
export interface FontMetrics {
  /**
   * Advance width of `text` set at 1 pt, with the font's kerning and standard
   * ligatures applied. Scales linearly with the size.
   */
  readonly width: (text: string) => number;
  /**
   * Number of glyphs `text` shapes to (a ligature counts once). Letter
   * spacing is added between glyphs, so a justified line needs the count.
   */
  readonly glyphCount: (text: string) => number;
  /** Width of the word space at 1 pt. */
  readonly space: number;
  /** Height of capital letters above the baseline at 1 pt. */
  readonly capHeight: number;
  /** Ascender above the baseline at 1 pt (positive). */
  readonly ascent: number;
  /** Descender below the baseline at 1 pt (positive). */
  readonly descent: number;
}

/** Font slots of a publication: body text and its styles, headlines, labels. */
export const FONT_KEYS = [
  'body',
  'body-italic',
  'body-bold',
  'body-bold-italic',
  'display',
  'display-italic',
  'sans',
  'sans-bold',
  'masthead',
] as const;
export type FontKey = (typeof FONT_KEYS)[number];

export type FontTable = Readonly<Record<FontKey, FontMetrics>>;

/**
 * Wraps metrics with a cache per font: the same words recur thousands of
 * times in an edition and shaping is by far the most expensive step.
 */
export function cachedMetrics(metrics: FontMetrics): FontMetrics {
  const widths = new Map<string, number>();
  const counts = new Map<string, number>();
  return {
    ...metrics,
    width(text) {
      let w = widths.get(text);
      if (w === undefined) {
        w = metrics.width(text);
        widths.set(text, w);
      }
      return w;
    },
    glyphCount(text) {
      let n = counts.get(text);
      if (n === undefined) {
        n = metrics.glyphCount(text);
        counts.set(text, n);
      }
      return n;
    },
  };
}

/**
 * Metrics where every character is `charWidth` wide: tests use it so that
 * expected layouts stay readable by hand.
 */
export function monospaceMetrics(charWidth = 0.5, spaceWidth = charWidth): FontMetrics {
  return {
    width: (text) => [...text].length * charWidth,
    glyphCount: (text) => [...text].length,
    space: spaceWidth,
    capHeight: 0.7,
    ascent: 0.8,
    descent: 0.2,
  };
}
