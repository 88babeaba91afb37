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
  /** Whether the font has a glyph for `char`; absent means it covers everything. */
  readonly covers?: (char: string) => boolean;
}

/**
 * Font slots of a publication: body text and its styles, headlines, labels,
 * and for each text face a fallback with the letters it lacks (web font
 * packages split a family by Unicode range: "Gdańsk" needs the Latin
 * Extended subset for its ń).
 */
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
  'body-ext',
  'body-italic-ext',
  'body-bold-ext',
  'body-bold-italic-ext',
  'display-ext',
  'display-italic-ext',
  'sans-ext',
  'sans-bold-ext',
] as const;
export type FontKey = (typeof FONT_KEYS)[number];

/** The face that sets what a face lacks. */
export const FALLBACK_FONT: Readonly<Partial<Record<FontKey, FontKey>>> = {
  body: 'body-ext',
  'body-italic': 'body-italic-ext',
  'body-bold': 'body-bold-ext',
  'body-bold-italic': 'body-bold-italic-ext',
  display: 'display-ext',
  'display-italic': 'display-italic-ext',
  sans: 'sans-ext',
  'sans-bold': 'sans-bold-ext',
};

/**
 * Splits text into runs a face can set: characters the face lacks go to its
 * fallback when the fallback has them (and stay put otherwise, for the
 * build's coverage check to report).
 */
export function splitByCoverage(text: string, font: FontKey, fonts: FontTable): readonly { text: string; font: FontKey }[] {
  const metrics = fonts[font];
  const fallback = FALLBACK_FONT[font];
  if (!metrics.covers || !fallback) return [{ text, font }];
  const known = coverageOf(fonts, font);
  let all = true;
  for (let i = 0; i < text.length && all; i++) {
    const code = text.charCodeAt(i);
    let has = known.get(code);
    if (has === undefined) {
      // A surrogate half is no character: astral letters are checked whole by the build.
      has = (code >= 0xd800 && code <= 0xdfff) || metrics.covers(String.fromCharCode(code));
      known.set(code, has);
    }
    all = has;
  }
  if (all) return [{ text, font }];
  // Each run is made whole, never added to: adding to the text of a
  // `{ text, font }` object here, on the rare word that needs a fallback, made
  // that field of every run and segment mutable mid-build, and V8 threw away
  // the optimised code of everything that read it.
  const runs: { text: string; font: FontKey }[] = [];
  let run = '';
  let runFont = font;
  for (const char of text) {
    const use = metrics.covers(char) || !(fonts[fallback].covers?.(char) ?? true) ? font : fallback;
    if (run !== '' && use !== runFont) {
      runs.push({ text: run, font: runFont });
      run = '';
    }
    run += char;
    runFont = use;
  }
  if (run !== '') runs.push({ text: run, font: runFont });
  return runs;
}

/** Which UTF-16 code units each face covers, remembered per font table. */
function coverageOf(fonts: FontTable, font: FontKey): Map<number, boolean> {
  let byFont = coverageCache.get(fonts);
  if (!byFont) coverageCache.set(fonts, (byFont = new Map()));
  let known = byFont.get(font);
  if (!known) byFont.set(font, (known = new Map()));
  return known;
}

const coverageCache = new WeakMap<FontTable, Map<FontKey, Map<number, boolean>>>();

export type FontTable = Readonly<Record<FontKey, FontMetrics>>;

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
