/**
 * Shared fixtures for the typesetting tests: monospace fonts whose layouts
 * can be checked by hand, the real en-us hyphenation patterns, a seeded PRNG
 * and readers that turn set lines back into text.
 */
import hyphen from 'hyphen/en-us/index.js';
import type { GalleyLine, ParagraphStyle } from '../../src/typeset/galley.js';
import { softHyphenBreaks, type PatternHyphenator } from '../../src/typeset/hyphenate.js';
import type { TextRun } from '../../src/typeset/items.js';
import { FONT_KEYS, monospaceMetrics, type FontKey, type FontTable } from '../../src/typeset/metrics.js';
import type { ParagraphSetting } from '../../src/typeset/paragraph.js';
import type { SetLine } from '../../src/typeset/position.js';

/** Font size used throughout: with 0.5 em characters, one character is 5 pt. */
export const SIZE = 10;
/** Width of one character (and of the word space) at `SIZE` with `monoFonts()`. */
export const CHAR = 5;

/** Every font slot set in the same monospace metrics. */
export function monoFonts(charWidth = 0.5, spaceWidth = charWidth): FontTable {
  const metrics = monospaceMetrics(charWidth, spaceWidth);
  return Object.fromEntries(FONT_KEYS.map((key) => [key, metrics])) as Record<FontKey, typeof metrics>;
}

/** TeX's en-us patterns through the `hyphen` package. */
export const enUs: PatternHyphenator = (word) => softHyphenBreaks(hyphen.hyphenateSync(word));

/** Mulberry32, the benchmarks' PRNG: property tests are reproducible. */
export { prng as rng } from '../../scripts/bench/corpus.js';

export function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** One run of body text. */
export function body(text: string): TextRun[] {
  return [{ text, font: 'body' }];
}

/** A paragraph setting with the same width on every line and no offsets. */
export function setting(width: number, overrides: Partial<ParagraphSetting> = {}): ParagraphSetting {
  return {
    size: SIZE,
    spaceFont: 'body',
    align: 'justify',
    firstIndent: 0,
    hyphenate: true,
    lineWidth: () => width,
    lineOffset: () => 0,
    ...overrides,
  };
}

/** Right edge of the ink of a line: letter spacing after the last glyph is not drawn. */
export function lineRight(line: SetLine): number {
  const last = line.runs[line.runs.length - 1];
  return last ? last.x + last.width - line.letterSpacing : 0;
}

/** The words of a line as drawn, runs of one word joined (words are separated by the line's gaps). */
export function lineWords(line: SetLine): string[] {
  const words: string[] = [];
  let gap = 0;
  line.runs.forEach((run, i) => {
    const g = line.gaps[gap];
    if (i > 0 && g && run.x >= g[0] + g[1] - 1e-6) {
      gap++;
      words.push(run.text);
    } else if (i === 0) {
      words.push(run.text);
    } else {
      words[words.length - 1] += run.text;
    }
  });
  return words;
}

/** Text of a line as drawn, words joined by one space. */
export function lineText(line: SetLine): string {
  return lineWords(line).join(' ');
}

/**
 * The words of a paragraph read back from its lines: a hyphen the line
 * breaker added is removed and the word joined with its rest on the next
 * line; after an explicit hyphen or dash the word also goes on.
 */
export function paragraphWords(lines: readonly SetLine[]): string[] {
  const words: string[] = [];
  let continued = false;
  lines.forEach((line, l) => {
    const drawn = lineWords(line);
    drawn.forEach((word, i) => {
      const text = i === drawn.length - 1 && line.hyphenated ? word.replace(/-$/u, '') : word;
      if (i === 0 && continued) words[words.length - 1] += text;
      else words.push(text);
    });
    const last = drawn[drawn.length - 1] ?? '';
    continued = l < lines.length - 1 && (line.hyphenated || /[\p{L}\p{N}][-–—]$/u.test(last));
  });
  return words;
}

/** The words of source text as the line breaker sees them: no-break spaces and soft hyphens do not show. */
export function sourceWords(text: string): string[] {
  return text
    .replaceAll('\u00AD', '')
    .split(/[ \u00A0]+/u)
    .filter((w) => w.length > 0);
}

// Not typed as SetLine, so that fields the tests do not care about may come and go.
const BLANK_LINE = {
  runs: [],
  size: SIZE,
  letterSpacing: 0,
  measure: 100,
  ratio: 0,
  justified: false,
  hyphenated: false,
  gaps: [],
  normalSpace: CHAR,
  overfull: 0,
  splitWord: false,
  hang: [0, 0],
};

/** A set line built by hand, for the QA and column tests. */
export function handLine(overrides: Partial<SetLine> = {}): SetLine {
  return { ...BLANK_LINE, ...overrides } as SetLine;
}

/** A galley line built by hand: 12 pt of leading, breakable unless said otherwise. */
export function galleyLine(overrides: Partial<Omit<GalleyLine, 'line'>> & { line?: Partial<SetLine> } = {}): GalleyLine {
  const { line, ...rest } = overrides;
  return {
    kind: 'line',
    line: handLine(line),
    x: 0,
    height: 12,
    spaceBefore: 0,
    baseline: 9,
    keepWithNext: false,
    block: 0,
    firstOfBlock: true,
    lastOfBlock: true,
    ...rest,
  };
}

/** A body paragraph style in the monospace font: 12 pt leading, justified, hyphenated. */
export function bodyStyle(overrides: Partial<ParagraphStyle> = {}): ParagraphStyle {
  return {
    font: 'body',
    size: SIZE,
    leading: 12,
    align: 'justify',
    firstIndent: 0,
    leftIndent: 0,
    rightIndent: 0,
    hyphenate: true,
    spaceBefore: 0,
    spaceAfter: 0,
    keepWithNext: false,
    dropCapLines: 0,
    ...overrides,
  };
}

/**
 * Words of mixed lengths for generated text: short function words, long
 * hyphenatable words, capitalised names, numbers and compounds.
 */
export const WORDS: readonly string[] = [
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'and', 'or', 'but', 'is', 'was', 'it', 'we', 'they',
  'said', 'city', 'year', 'time', 'road', 'plan', 'vote', 'week', 'team', 'game', 'news', 'paper', 'house',
  'people', 'council', 'school', 'market', 'report', 'church', 'forest', 'golden', 'quickly', 'another',
  'fountain', 'daughter', 'beautiful', 'youngest', 'whenever', 'plaything', 'astonished', 'newspaper',
  'typesetting', 'hyphenation', 'information', 'government', 'development', 'neighbourhood', 'temperature',
  'representatives', 'responsibilities', 'internationally', 'characteristically', 'incomprehensibilities',
  'council’s', 'residents’', 'Monday', 'Ellery', 'Washington', 'Councillor', 'NASA', 'McAllister',
  '1,250', '2025', '3.5', '£4.2m', 'well-known', 'long-term', 'mother-in-law', 'self-consciousness',
  '“Yes,”', 'again.', 'afternoon;', '(briefly)', 'interesting,', 'development.',
];
