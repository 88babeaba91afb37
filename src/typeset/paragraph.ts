import { COSTS } from './costs.js';
import { cachedWordSplitter, type PatternHyphenator, type WordPiece } from './hyphenate.js';
import { itemize, type Alignment, type TextRun } from './items.js';
import { breakLines, type Break } from './linebreak.js';
import type { FontKey, FontTable } from './metrics.js';
import { positionLines, type SetLine } from './position.js';

/** How one paragraph is set: the parts of a paragraph style the line breaker needs. */
export interface ParagraphSetting {
  readonly size: number;
  readonly spaceFont: FontKey;
  readonly align: Alignment;
  readonly firstIndent: number;
  readonly hyphenate: boolean;
  /** Width of line `i`; most paragraphs give the same width for every line. */
  readonly lineWidth: (line: number) => number;
  /** Left offset of line `i` inside the column. */
  readonly lineOffset: (line: number) => number;
}

export interface TypesetContext {
  readonly fonts: FontTable;
  /** Splits a word at its hyphenation points, explicit hyphens and URL breaks. */
  readonly splitWord: (word: string) => readonly WordPiece[];
  /** The same without hyphenation points, for text that is never hyphenated. */
  readonly splitWordUnhyphenated: (word: string) => readonly WordPiece[];
}

/** A context with cached word splitting for a language's patterns. */
export function typesetContext(fonts: FontTable, patterns: PatternHyphenator | undefined): TypesetContext {
  return {
    fonts,
    splitWord: cachedWordSplitter(patterns),
    splitWordUnhyphenated: cachedWordSplitter(undefined),
  };
}

/**
 * Sets one paragraph: itemize → break lines → position lines. Line breaking
 * runs in TeX's passes ([TB] ch. 14): without hyphenation at a strict
 * tolerance, then with hyphenation, then with emergency stretch and no
 * tolerance at all, so a paragraph always gets set.
 */
export function setParagraph(runs: readonly TextRun[], setting: ParagraphSetting, context: TypesetContext): SetLine[] {
  const { fonts } = context;
  let minLineWidth = Infinity;
  for (let i = 0; i < 8; i++) minLineWidth = Math.min(minLineWidth, setting.lineWidth(i));
  const items = itemize(runs, {
    fonts,
    size: setting.size,
    spaceFont: setting.spaceFont,
    align: setting.align,
    firstIndent: setting.firstIndent,
    minLineWidth,
    splitWord: setting.hyphenate ? context.splitWord : context.splitWordUnhyphenated,
  });
  if (!items.some((item) => item.kind === 'box' && item.text !== '')) return [];
  const common = { lineWidth: setting.lineWidth, expansion: setting.align === 'justify' ? COSTS.expansion : 0 };
  const ragged = setting.align !== 'justify';
  const breaks: readonly Break[] =
    breakLines(items, { ...common, tolerance: ragged ? 10_000 : COSTS.pretolerance, emergencyStretch: 0, hyphenate: false }) ??
    breakLines(items, { ...common, tolerance: COSTS.tolerance, emergencyStretch: 0, hyphenate: true }) ??
    breakLines(items, {
      ...common,
      tolerance: Infinity,
      emergencyStretch: COSTS.emergencyStretchEm * setting.size,
      hyphenate: true,
    }) ??
    [];
  return positionLines(items, breaks, {
    fonts,
    size: setting.size,
    align: setting.align,
    spaceFont: setting.spaceFont,
    lineWidth: setting.lineWidth,
    lineOffset: setting.lineOffset,
    expansion: common.expansion,
  });
}
