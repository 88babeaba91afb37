/**
 * Every cost and threshold of the line breaker and the layout QA in one
 * place, each with where it comes from. Knuth & Plass, "Breaking Paragraphs
 * into Lines", Software—Practice and Experience 11 (1981) is cited as [KP];
 * The TeXbook as [TB]. Figures "measured" come from `npm run bench:typeset`
 * (45,000 words in 47 mm columns at 9/10.5 pt), comparing variants in one run.
 *
 * The breaker takes a `Costs` object, so a benchmark can try variants
 * without touching this file.
 */
export interface Costs {
  /** Added to every line's badness before squaring: prefers fewer lines. [TB] \linepenalty=10. */
  readonly linePenalty: number;
  /** Penalty for breaking at a hyphenation point ([TB] \hyphenpenalty=50). */
  readonly hyphenPenalty: number;
  /** Penalty for breaking after an explicit hyphen or dash ([TB] \exhyphenpenalty=50). */
  readonly explicitHyphenPenalty: number;
  /** Break inside a URL after a slash or before a dot, no hyphen shown. */
  readonly urlBreakPenalty: number;
  /** Break between two letters of a word wider than the column: a last resort, but finite. */
  readonly splitWordPenalty: number;
  /** Two hyphenated lines in a row ([TB] \doublehyphendemerits=10000). */
  readonly doubleHyphenDemerits: number;
  /** A hyphen on the next-to-last line of a paragraph ([TB] \finalhyphendemerits=5000). */
  readonly finalHyphenDemerits: number;
  /** Adjacent lines whose fitness classes differ by more than one ([TB] \adjdemerits=10000). */
  readonly adjacentFitnessDemerits: number;
  /**
   * A line whose spaces grow past `QA_RULES.looseSpaceFactor` normal spaces.
   * Large enough to dominate every other cost: the breaker first minimises
   * the number of loose lines, then everything else.
   */
  readonly looseLineDemerits: number;
  /** Longest allowed run of consecutive hyphenated lines; the breaker never chooses a longer one. */
  readonly maxHyphenRun: number;
  /** Emergency stretch of the last pass, in ems of the text size ([TB] \emergencystretch). */
  readonly emergencyStretchEm: number;
  /** Letter spacing a justified line may use, as a fraction of its text width. */
  readonly expansion: number;
  /** Inter-word space as fractions of the font's own word space: natural width, stretch and shrink. */
  readonly spaceWidth: number;
  readonly spaceStretch: number;
  readonly spaceShrink: number;
  /** Letters a hyphenated word keeps before and after the break. */
  readonly leftHyphenMin: number;
  readonly rightHyphenMin: number;
  /** Words shorter than this are not hyphenated. */
  readonly minHyphenateLength: number;
}

export const COSTS: Costs = {
  linePenalty: 10,
  // TeX's 50 gave 13.3 % hyphenated line ends; 300 gives 11.2 % at the same share of loose lines.
  hyphenPenalty: 300,
  explicitHyphenPenalty: 50,
  urlBreakPenalty: 80,
  splitWordPenalty: 800,
  doubleHyphenDemerits: 10_000,
  finalHyphenDemerits: 5_000,
  adjacentFitnessDemerits: 10_000,
  looseLineDemerits: 1e12,
  // Convention, and our QA rule: never three hyphens in a row.
  maxHyphenRun: 2,
  // It only shapes how unavoidable looseness is shared out, since loose lines are judged on
  // real ratios. Measured, against none: 0.5 em gives the same 2.4 % loose lines and 0.6
  // rivers per 1,000 lines, with hyphenated line ends 11.1 % → 10.6 %; 1 em doubles rivers.
  emergencyStretchEm: 0.5,
  // ±2 %: the range of pdfTeX/microtype font expansion (Hàn Thế Thành, "Micro-typographic
  // extensions to the TeX typesetting system", 2000).
  expansion: 0.02,
  // Word spacing for narrow newspaper columns, in the manner of the minimum/desired/maximum
  // word spacing of page-layout programs: desired 80 % of the font's own space (Old Standard's
  // is a wide 0.28 em), shrinking to 40 %, stretching by half the font's space per unit ratio.
  // Measured with hanging punctuation on, against 100 % shrinking to 50 %: loose lines
  // 4.0 % → 2.7 %, rivers 1.7 → 0.6 per 1,000 lines.
  spaceWidth: 0.8,
  spaceStretch: 0.5,
  spaceShrink: 0.4,
  // English: [TB] \lefthyphenmin=2, \righthyphenmin=3.
  leftHyphenMin: 2,
  rightHyphenMin: 3,
  // The `hyphen` package's own default.
  minHyphenateLength: 5,
};

/** Definitions the layout QA report checks against (the issue's, not tunable). */
export const QA_RULES = {
  /** A justified line is loose when a space is wider than this many normal spaces. */
  looseSpaceFactor: 2,
  /** A gap at least this many normal spaces wide can be part of a river. */
  riverGapFactor: 1.5,
  /** This many consecutive lines with overlapping wide gaps make a river. */
  riverMinLines: 3,
} as const;

/** Widow and orphan control: lines a paragraph keeps together on each side of a column break. */
export const MIN_LINES_AT_BREAK = 2;
