/**
 * Every cost and threshold of the line breaker and the QA report in one
 * place, each with where it comes from. Knuth & Plass, "Breaking Paragraphs
 * into Lines", Software—Practice and Experience 11 (1981) is cited as [KP];
 * The TeXbook as [TB].
 */
export const COSTS = {
  /** Added to every line's badness before squaring: prefers fewer lines. [TB] \linepenalty=10. */
  linePenalty: 10,
  /**
   * Penalty for breaking at a hyphenation point: TeX's default ([TB]
   * \hyphenpenalty=50). Measured with `npm run bench:typeset`, 120 cut the
   * hyphenated line ends by a third but added loose lines; 50 keeps them
   * under the 12 % target.
   */
  hyphenPenalty: 50,
  /** Penalty for breaking after an explicit hyphen or dash ([TB] \exhyphenpenalty=50). */
  explicitHyphenPenalty: 50,
  /** Break inside a URL after a slash or before a dot: no hyphen is shown. */
  urlBreakPenalty: 80,
  /**
   * Break between two letters of a word wider than the column. Last resort:
   * costly, but finite so the paragraph can always be set.
   */
  splitWordPenalty: 800,
  /** Two hyphenated lines in a row ([TB] \doublehyphendemerits=10000). */
  doubleHyphenDemerits: 10_000,
  /** Hyphen on the next-to-last line of a paragraph ([TB] \finalhyphendemerits=5000). */
  finalHyphenDemerits: 5_000,
  /** Adjacent lines whose fitness classes differ by more than one ([TB] \adjdemerits=10000). */
  adjacentFitnessDemerits: 10_000,
  /**
   * Longest allowed run of consecutive hyphenated lines. Typographic
   * convention (and our QA rule) forbids three in a row; the breaker keeps
   * the run length in its state, so a third is never chosen.
   */
  maxHyphenRun: 2,
  /**
   * Tolerances of the three passes, as in [TB] ch. 14: first without
   * hyphenation (\pretolerance=100), then with it (\tolerance=200), then with
   * emergency stretch. Our space stretches by half its width, so a badness of
   * 800 (ratio 2) is exactly the "space twice its normal width" of the loose
   * line rule; the second pass stays below it.
   */
  pretolerance: 100,
  tolerance: 600,
  /** Emergency stretch of the last pass, in ems of the body size ([TB] \emergencystretch). */
  emergencyStretchEm: 1.5,
  /**
   * Letter spacing a justified line may use, as a fraction of its text
   * width: ±2 %, the range of pdfTeX/microtype font expansion (Thành, "Micro-
   * typographic extensions to the TeX typesetting system", 2000).
   */
  expansion: 0.02,
  /**
   * Inter-word glue in fractions of the font's space. [TB] cmr10 uses
   * stretch 1/2 and shrink 1/3; narrow newspaper columns need more shrink
   * (a tight line reads better than a loose one), so spaces may shrink to
   * half their width.
   */
  spaceStretch: 0.5,
  spaceShrink: 0.5,
  /** Hyphenation fragment minimums: [TB] \lefthyphenmin=2, \righthyphenmin=3 for English. */
  leftHyphenMin: 2,
  rightHyphenMin: 3,
  /** Words shorter than this are never hyphenated (the `hyphen` package's default is 5 too). */
  minHyphenateLength: 5,
  /** QA: a space wider than this many normal spaces makes a line loose (issue's definition). */
  looseSpaceFactor: 2,
  /** QA: a gap at least this many normal spaces wide can be part of a river. */
  riverGapFactor: 1.5,
  /** QA: this many consecutive lines with overlapping wide gaps make a river. */
  riverMinLines: 3,
  /** Widow and orphan control: lines a paragraph keeps together on each side of a column break. */
  minLinesAtBreak: 2,
} as const;

export type Costs = typeof COSTS;
