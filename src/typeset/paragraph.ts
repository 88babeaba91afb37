import { COSTS, QA_RULES, type Costs } from './costs.js';
import { cachedWordSplitter, hyphenationRules, type PatternHyphenator, type WordPiece } from './hyphenate.js';
import { itemize, wordCacheKey, type TextRun, type WordItems } from './items.js';
import { breakLines, type Break } from './linebreak.js';
import type { FontTable } from './metrics.js';
import { positionLines, type LineGeometry, type SetLine } from './position.js';

/** How one paragraph is set: the line geometry the positioner needs, and how it breaks. */
export interface ParagraphSetting extends LineGeometry {
  readonly firstIndent: number;
  readonly hyphenate: boolean;
}

export interface TypesetContext {
  readonly fonts: FontTable;
  readonly costs: Costs;
  /** Splits a word at its hyphenation points, explicit hyphens and URL breaks. */
  readonly splitWord: (word: string) => readonly WordPiece[];
  /** The same without hyphenation points, for text that is never hyphenated. */
  readonly splitWordUnhyphenated: (word: string) => readonly WordPiece[];
  /** Items of the words set so far, per setting (`wordCacheKey`). */
  readonly wordItems: Map<string, WordItems>;
}

/** A context with cached word splitting for a language's patterns. */
export function typesetContext(fonts: FontTable, patterns: PatternHyphenator | undefined, costs: Costs = COSTS): TypesetContext {
  const rules = hyphenationRules(costs);
  return {
    fonts,
    costs,
    splitWord: cachedWordSplitter(patterns, rules),
    splitWordUnhyphenated: cachedWordSplitter(undefined, rules),
    wordItems: new Map(),
  };
}

/**
 * Sets one paragraph: itemize → break lines → position lines.
 */
export function setParagraph(runs: readonly TextRun[], setting: ParagraphSetting, context: TypesetContext): SetLine[] {
  const { fonts, costs } = context;
  // The narrowest line a word may have to fit on, the first line's indent included.
  let minLineWidth = setting.lineWidth(0) - setting.firstIndent;
  for (let i = 1; i < 8; i++) minLineWidth = Math.min(minLineWidth, setting.lineWidth(i));
  const cacheKey = wordCacheKey(setting.size, setting.align, setting.hyphenate);
  let wordItems = context.wordItems.get(cacheKey);
  if (!wordItems) context.wordItems.set(cacheKey, (wordItems = new Map()));
  const items = itemize(runs, {
    fonts,
    size: setting.size,
    spaceFont: setting.spaceFont,
    align: setting.align,
    firstIndent: setting.firstIndent,
    minLineWidth,
    splitWord: setting.hyphenate ? context.splitWord : context.splitWordUnhyphenated,
    costs,
    wordItems,
  });
  if (!items.some((item) => item.kind === 'box' && item.text !== '')) return [];
  const justify = setting.align === 'justify';
  const expansion = justify ? costs.expansion : 0;
  // The option objects are written out in full, one shape each, rather than
  // spread from a common one: a spread of objects of varying shapes takes
  // V8's slow path, and cost more than the rest of this function.
  const pass = (tolerance: number, emergencyStretch: number): readonly Break[] | null =>
    breakLines(items, { lineWidth: setting.lineWidth, expansion, hyphenate: setting.hyphenate, penaliseLoose: justify, costs, tolerance, emergencyStretch });
  // Two passes. The first admits only lines that are not loose: it keeps
  // few active nodes, and when it succeeds its answer is the optimum of the
  // second, since a loose line costs more than any paragraph without one.
  // The second has no tolerance at all, so every paragraph gets set, with as
  // few loose lines as the words allow, and emergency stretch as in TeX's
  // last pass. (Alone, emergency stretch hides looseness from the badness:
  // measured 21.6 % loose lines with 1.5 em of it against 17.3 % without, in
  // Source Serif; here the loose-line cost judges the real ratio.)
  const looseBadness = 100 * ((QA_RULES.looseSpaceFactor - costs.spaceWidth) / costs.spaceStretch) ** 3;
  const breaks: readonly Break[] = (justify ? pass(looseBadness, 0) : null) ?? pass(Infinity, costs.emergencyStretchEm * setting.size) ?? [];
  return positionLines(items, breaks, {
    size: setting.size,
    spaceFont: setting.spaceFont,
    align: setting.align,
    lineWidth: setting.lineWidth,
    lineOffset: setting.lineOffset,
    fonts,
    expansion,
  });
}
