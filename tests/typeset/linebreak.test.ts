import { describe, expect, it } from 'vitest';
import { COSTS, QA_RULES } from '../../src/typeset/costs.js';
import { FILL, itemize, type Item } from '../../src/typeset/items.js';
import { breakLines, fitLine, type Break, type BreakOptions } from '../../src/typeset/linebreak.js';
import { positionLines } from '../../src/typeset/position.js';
import { cachedWordSplitter } from '../../src/typeset/hyphenate.js';
import { CHAR, SIZE, body, enUs, monoFonts, pick, rng, WORDS } from '../helpers/typeset.js';

/** The paragraph of Knuth & Plass (1981), Fig. 1, from the Grimms' "The Frog King". */
const FROG =
  'In olden times when wishing still helped one, there lived a king whose daughters were all beautiful; ' +
  'and the youngest was so beautiful that the sun itself, which has seen so much, was astonished whenever ' +
  'it shone in her face. Close by the king’s castle lay a great dark forest, and under an old lime-tree in ' +
  'the forest was a well, and when the day was very warm, the king’s child went out into the forest and sat ' +
  'down by the side of the cool fountain; and when she was bored she took a golden ball, and threw it up on ' +
  'high and caught it; and this ball was her favorite plaything.';

const fonts = monoFonts();
const whole = (word: string) => [{ text: word, after: 'end' as const }];

function frogItems(width: number, hyphenate = false): Item[] {
  return itemize(body(FROG), {
    fonts,
    size: SIZE,
    spaceFont: 'body',
    align: 'justify',
    firstIndent: 0,
    minLineWidth: width,
    splitWord: hyphenate ? cachedWordSplitter(enUs) : whole,
  });
}

/** Tolerance of the tests: badness 800, spaces stretched to twice their stretch (TeX's is 200). */
const TOLERANCE = 800;

function options(width: number, overrides: Partial<BreakOptions> = {}): BreakOptions {
  return { lineWidth: () => width, tolerance: TOLERANCE, expansion: 0, hyphenate: false, ...overrides };
}

/** The word space of justified text: the font's space at the costs' natural width. */
const SPACE = CHAR * COSTS.spaceWidth;

/** Hanging punctuation (optical margin alignment), read defensively: 0 where an item has none. */
const hangOf = (item: Item | undefined, key: 'hangLeft' | 'hangRight' | 'hang') =>
  (item as { [k: string]: unknown } | undefined)?.[key] as number | undefined ?? 0;

// ---------------------------------------------------------------------------
// An independent model of the line-breaking problem, written from [KP] and
// the documented extras, used as the oracle: the measurements of a line, its
// badness and demerits, an exhaustive dynamic programme and a greedy breaker.
// ---------------------------------------------------------------------------

interface Measured {
  natural: number;
  stretch: number;
  shrink: number;
  expand: number;
  /** Punctuation that may hang past the left and right edges: extra room for the line. */
  hang: number;
}

/** Whether item `b` is a legal breakpoint ([KP] p. 1126): glue after a box, or a penalty below +∞. */
function isBreakpoint(items: readonly Item[], b: number, hyphenate: boolean): boolean {
  const item = items[b]!;
  if (item.kind === 'glue') return items[b - 1]?.kind === 'box';
  if (item.kind === 'penalty') return item.cost < Infinity && (hyphenate || !item.mark);
  return false;
}

/** The line from the break at `from` (−1: paragraph start) to the break at `to`. */
function measure(items: readonly Item[], from: number, to: number, expansion: number): Measured {
  let start = from + 1;
  while (start < to && items[start]!.kind !== 'box') start++; // glue and penalties after a break vanish
  const line: Measured = { natural: 0, stretch: 0, shrink: 0, expand: 0, hang: hangOf(items[start], 'hangLeft') };
  for (let i = start; i < to; i++) {
    const item = items[i]!;
    if (item.kind === 'box') {
      line.natural += item.width;
      if (item.expandable) line.expand += item.width * expansion;
    } else if (item.kind === 'glue') {
      line.natural += item.width;
      line.stretch += item.stretch;
      line.shrink += item.shrink;
    }
  }
  const end = items[to]!;
  if (end.kind === 'penalty') line.natural += end.width;
  // The last character before the break hangs: the hyphen of a discretionary, else the box before.
  line.hang += end.kind === 'penalty' && end.mark ? hangOf(end, 'hang') : items[to - 1]?.kind === 'box' ? hangOf(items[to - 1], 'hangRight') : 0;
  return line;
}

/**
 * Whether every line from `from` to `to` or beyond is too long: without the
 * break's own penalty width, natural width less all shrink never decreases.
 */
function pastEnd(items: readonly Item[], from: number, to: number, width: number, expansion: number): boolean {
  const line = measure(items, from, to, expansion);
  const end = items[to]!;
  const own = end.kind === 'penalty' ? end.width : 0;
  // Hangs are at most one character either side.
  return line.natural - own - line.shrink - line.expand > width + 2 * CHAR + 1e-9;
}

/** Adjustment ratio as documented: font expansion and spaces together, then the spaces alone. */
function ratioOf(line: Measured, lineWidth: number): number {
  const { natural, stretch, shrink, expand } = line;
  const width = lineWidth + line.hang;
  if (natural < width) {
    const need = width - natural;
    if (need <= stretch + expand) return need / (stretch + expand);
    return stretch > 0 ? (need - expand) / stretch : Infinity;
  }
  if (natural > width) {
    const excess = natural - width;
    return excess <= shrink + expand ? -excess / (shrink + expand) : -Infinity;
  }
  return 0;
}

const badnessOf = (r: number) => 100 * Math.abs(r) ** 3;
const fitnessOf = (r: number) => (r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3);

interface State {
  fitness: number;
  hyphenRun: number;
}

/** Demerits of one line ([KP] p. 1128 and [TB] ch. 14), or null if the line is not allowed. */
function lineDemerits(
  items: readonly Item[],
  from: number,
  to: number,
  before: State,
  opts: BreakOptions,
  line: number,
): { demerits: number; state: State; badness: number; ratio: number } | null {
  const ratio = ratioOf(measure(items, from, to, opts.expansion), opts.lineWidth(line));
  if (ratio < -1) return null;
  const badness = badnessOf(ratio);
  if (badness > opts.tolerance) return null;
  const end = items[to]!;
  const penalty = end.kind === 'penalty' ? end.cost : 0;
  const flagged = end.kind === 'penalty' && end.flagged;
  const hyphenRun = flagged ? before.hyphenRun + 1 : 0;
  if (hyphenRun > COSTS.maxHyphenRun) return null;
  let demerits = (COSTS.linePenalty + badness) ** 2;
  if (penalty >= 0) demerits += penalty ** 2;
  else if (penalty > -Infinity) demerits -= penalty ** 2;
  if (flagged && before.hyphenRun > 0) demerits += COSTS.doubleHyphenDemerits;
  if (penalty === -Infinity && before.hyphenRun > 0) demerits += COSTS.finalHyphenDemerits;
  const fitness = fitnessOf(ratio);
  if (Math.abs(fitness - before.fitness) > 1) demerits += COSTS.adjacentFitnessDemerits;
  // If asked, a space wider than the QA's loose-line limit costs more than anything else.
  const looseRatio = (QA_RULES.looseSpaceFactor - COSTS.spaceWidth) / COSTS.spaceStretch;
  const penaliseLoose = (opts as { penaliseLoose?: boolean }).penaliseLoose === true;
  if (penaliseLoose && penalty !== -Infinity && ratio > looseRatio) demerits += COSTS.looseLineDemerits;
  return { demerits, state: { fitness, hyphenRun }, badness, ratio };
}

/** Total demerits of a given set of breaks, or null if one of its lines is not allowed. */
function totalDemerits(items: readonly Item[], breaks: readonly number[], opts: BreakOptions): number | null {
  let state: State = { fitness: 1, hyphenRun: 0 };
  let from = -1;
  let total = 0;
  for (const [line, to] of breaks.entries()) {
    const result = lineDemerits(items, from, to, state, opts, line);
    if (!result) return null;
    total += result.demerits;
    state = result.state;
    from = to;
  }
  return total;
}

/**
 * The least total demerits over every set of breaks: a plain dynamic
 * programme over (break, fitness class, hyphen run, line number) with no
 * pruning. The line number matters where line widths differ.
 */
function optimumDemerits(items: readonly Item[], opts: BreakOptions): number | null {
  const points = items.map((_, b) => b).filter((b) => isBreakpoint(items, b, opts.hyphenate));
  const widest = Math.max(...items.map((_, line) => opts.lineWidth(line)));
  const best = new Map<number, Map<string, number>>([[-1, new Map([['1,0,0', 0]])]]);
  for (const from of [-1, ...points]) {
    const states = best.get(from);
    if (!states) continue;
    for (const to of points) {
      if (to <= from) continue;
      if (pastEnd(items, from, to, widest, opts.expansion)) break;
      for (const [key, demerits] of states) {
        const [fitness, hyphenRun, line] = key.split(',').map(Number) as [number, number, number];
        const result = lineDemerits(items, from, to, { fitness, hyphenRun }, opts, line);
        if (!result) continue;
        const next = `${result.state.fitness},${result.state.hyphenRun},${line + 1}`;
        const map = best.get(to) ?? new Map<string, number>();
        const total = demerits + result.demerits;
        if (total < (map.get(next) ?? Infinity)) map.set(next, total);
        best.set(to, map);
      }
      const item = items[to]!;
      if (item.kind === 'penalty' && item.cost === -Infinity) break; // no line runs past a forced break
    }
  }
  const last = best.get(items.length - 1);
  return last ? Math.min(...last.values()) : null;
}

/** First fit: each line takes as many words as fit, spaces shrunk if need be ([KP] Fig. 1). */
function firstFit(items: readonly Item[], opts: BreakOptions): number[] {
  const breaks: number[] = [];
  let from = -1;
  while (from < items.length - 1) {
    let chosen = -1;
    for (let to = from + 1; to < items.length; to++) {
      if (!isBreakpoint(items, to, opts.hyphenate)) continue;
      const fits = ratioOf(measure(items, from, to, opts.expansion), opts.lineWidth(breaks.length)) >= -1;
      if (!fits && chosen >= 0) break;
      chosen = to;
      const item = items[to]!;
      if (item.kind === 'penalty' && item.cost === -Infinity) break;
      if (!fits) break; // overfull, nothing better exists
    }
    breaks.push(chosen);
    from = chosen;
  }
  return breaks;
}

const positions = (breaks: readonly Break[]) => breaks.map((b) => b.position);

describe('fitLine', () => {
  it('gives ratio 0 to a line of exactly the target width', () => {
    expect(fitLine(100, 100, 10, 5, 2)).toEqual({ ratio: 0, expansionRatio: 0 });
  });

  it('stretches spaces alone in proportion when there is no expansion', () => {
    expect(fitLine(97, 100, 6, 4, 0)).toEqual({ ratio: 0.5, expansionRatio: 0 });
  });

  it('shares a stretch between spaces and font expansion at the same ratio', () => {
    const fit = fitLine(97, 100, 4, 4, 2); // 3 pt over 4 + 2 pt of give
    expect(fit.ratio).toBeCloseTo(0.5, 12);
    expect(fit.expansionRatio).toBeCloseTo(0.5, 12);
  });

  it('uses the whole expansion first when the spaces must stretch beyond their stretch', () => {
    const fit = fitLine(90, 100, 4, 4, 2); // 10 pt: 2 from expansion, 8 = 2 × 4 from the spaces
    expect(fit).toEqual({ ratio: 2, expansionRatio: 1 });
  });

  it('shrinks spaces and letters together, at most by their shrink', () => {
    const fit = fitLine(103, 100, 6, 4, 2);
    expect(fit.ratio).toBeCloseTo(-0.5, 12);
    expect(fit.expansionRatio).toBeCloseTo(-0.5, 12);
  });

  it('reports an overfull line as ratio −∞', () => {
    expect(fitLine(107, 100, 6, 4, 2).ratio).toBe(-Infinity);
  });

  it('reports a short line that cannot stretch as ratio +∞', () => {
    expect(fitLine(90, 100, 0, 0, 0).ratio).toBe(Infinity);
  });
});

describe('breakLines on the frog-king paragraph of Knuth & Plass, monospace, no hyphenation', () => {
  // 5 pt per character: 35, 40, 50 and 60 characters to the line.
  const widths = [35 * CHAR, 40 * CHAR, 50 * CHAR, 60 * CHAR];

  describe.each(widths)('at %d pt', (width) => {
    const items = frogItems(width);
    const opts = options(width);
    const breaks = breakLines(items, opts);

    it('finds a set of breaks within the tolerance', () => {
      expect(breaks).not.toBeNull();
    });

    it('keeps every line within the width (but for hanging punctuation), spaces shrunk by no more than their shrink', () => {
      let from = -1;
      for (const b of breaks!) {
        const line = measure(items, from, b.position, 0);
        expect(line.natural - line.shrink - line.hang).toBeLessThanOrEqual(width + 1e-9);
        from = b.position;
      }
    });

    it('reports each line’s ratio and badness as measured, none above the tolerance', () => {
      let from = -1;
      for (const b of breaks!) {
        const ratio = ratioOf(measure(items, from, b.position, 0), width);
        expect(b.ratio).toBeCloseTo(ratio, 9);
        expect(badnessOf(ratio)).toBeLessThanOrEqual(TOLERANCE);
        expect(b.badness).toBeLessThanOrEqual(TOLERANCE);
        from = b.position;
      }
    });

    it('ends with the paragraph’s final forced break', () => {
      expect(breaks![breaks!.length - 1]!.position).toBe(items.length - 1);
    });

    it('breaks only at spaces (glue after a word)', () => {
      for (const b of breaks!.slice(0, -1)) {
        expect(items[b.position]!.kind).toBe('glue');
        expect(items[b.position - 1]!.kind).toBe('box');
      }
    });

    it('has total demerits no greater than first-fit breaking of the same items', () => {
      const greedy = firstFit(items, opts);
      const greedyDemerits = totalDemerits(items, greedy, opts);
      expect(greedyDemerits, 'first fit is itself within the tolerance here').not.toBeNull();
      expect(totalDemerits(items, positions(breaks!), opts)!).toBeLessThanOrEqual(greedyDemerits!);
    });

    it('has exactly the least total demerits of all possible sets of breaks', () => {
      const found = totalDemerits(items, positions(breaks!), opts);
      const optimum = optimumDemerits(items, opts);
      expect(found).not.toBeNull();
      expect(found!).toBeCloseTo(optimum!, 6);
    });

    it('leaves the last line unjustified: flush left, spaces never stretched', () => {
      const lines = positionLines(items, breaks!, {
        fonts,
        size: SIZE,
        align: 'justify',
        spaceFont: 'body',
        lineWidth: () => width,
        lineOffset: () => 0,
        expansion: 0,
      });
      const last = lines[lines.length - 1]!;
      expect(last.justified).toBe(false);
      expect(last.gaps.every(([, w]) => w <= SPACE + 1e-9)).toBe(true);
      expect(last.runs[0]!.x).toBe(0);
      expect(lines.slice(0, -1).every((line) => line.justified)).toBe(true);
    });
  });

  it('improves on first fit at 40 characters: its lines are more even (lower worst badness)', () => {
    const width = 40 * CHAR;
    const items = frogItems(width);
    const opts = options(width);
    const breaks = breakLines(items, opts)!;
    const greedy = firstFit(items, opts);
    const worst = (list: readonly number[]) => {
      let from = -1;
      let max = 0;
      for (const to of list.slice(0, -1)) {
        max = Math.max(max, badnessOf(ratioOf(measure(items, from, to, 0), width)));
        from = to;
      }
      return max;
    };
    expect(positions(breaks)).not.toEqual(greedy);
    expect(worst(positions(breaks))).toBeLessThan(worst(greedy));
    expect(totalDemerits(items, positions(breaks), opts)!).toBeLessThan(totalDemerits(items, greedy, opts)!);
  });

  it('returns null when no set of breaks keeps every line within the tolerance', () => {
    // 25 characters: some line of every set of breaks is looser than badness 100.
    const width = 25 * CHAR;
    const items = frogItems(width);
    expect(optimumDemerits(items, options(width, { tolerance: 100 }))).toBeNull();
    expect(breakLines(items, options(width, { tolerance: 100 }))).toBeNull();
  });
});

describe('breakLines with the en-us patterns and font expansion', () => {
  const width = 30 * CHAR;
  const items = frogItems(width, true);

  it('is optimal among all sets of breaks, hyphens and expansion included', () => {
    const opts = options(width, { hyphenate: true, expansion: COSTS.expansion });
    const breaks = breakLines(items, opts);
    expect(breaks).not.toBeNull();
    expect(totalDemerits(items, positions(breaks!), opts)!).toBeCloseTo(optimumDemerits(items, opts)!, 6);
  });

  it('never takes a hyphenation point when hyphenation is off', () => {
    const breaks = breakLines(items, options(width, { tolerance: 10_000, hyphenate: false }))!;
    expect(breaks).not.toBeNull();
    for (const b of breaks) {
      const item = items[b.position]!;
      expect(item.kind === 'penalty' && item.mark !== undefined).toBe(false);
    }
  });
});

describe('breakLines on generated paragraphs', () => {
  const random = rng(1981);
  const split = cachedWordSplitter(enUs);
  const cases = Array.from({ length: 400 }, (_, i) => {
    const text = Array.from({ length: 8 + Math.floor(random() * 30) }, () => pick(random, WORDS)).join(' ');
    return { i, text, width: (22 + Math.floor(random() * 25)) * CHAR };
  });

  const generated = (text: string, minLineWidth: number) =>
    itemize(body(text), { fonts, size: SIZE, spaceFont: 'body', align: 'justify', firstIndent: 0, minLineWidth, splitWord: split });

  it.each(cases)('finds the optimum of an exhaustive search (case $i)', ({ text, width }) => {
    const items = generated(text, width);
    const opts = options(width, { hyphenate: true, expansion: COSTS.expansion, tolerance: 2_000 });
    const optimum = optimumDemerits(items, opts);
    const breaks = breakLines(items, opts);
    if (optimum === null) {
      expect(breaks).toBeNull();
      return;
    }
    expect(breaks).not.toBeNull();
    expect(totalDemerits(items, positions(breaks!), opts)!).toBeCloseTo(optimum, 6);
  });

  it.each(cases)('finds the optimum when loose lines are penalised too (case $i)', ({ text, width }) => {
    const items = generated(text, width);
    // Tolerance high enough that lines with spaces past the loose limit are possible.
    const opts = { ...options(width, { hyphenate: true, expansion: COSTS.expansion, tolerance: 5_000 }), penaliseLoose: true } as BreakOptions;
    const optimum = optimumDemerits(items, opts);
    const breaks = breakLines(items, opts);
    expect(breaks === null).toBe(optimum === null);
    if (breaks && optimum !== null) expect(totalDemerits(items, positions(breaks), opts)! / optimum).toBeCloseTo(1, 9);
  });

  it.each(cases)('finds the optimum when the lines beside a photo are narrower (case $i)', ({ text, width }) => {
    const items = generated(text, width - 6 * CHAR);
    // Lines 1 to 3 run around a photo six characters wide.
    const lineWidth = (line: number) => (line >= 1 && line <= 3 ? width - 6 * CHAR : width);
    const opts = options(width, { lineWidth, hyphenate: true, expansion: COSTS.expansion, tolerance: 2_000 });
    const optimum = optimumDemerits(items, opts);
    const breaks = breakLines(items, opts);
    expect(breaks === null).toBe(optimum === null);
    if (breaks && optimum !== null) expect(totalDemerits(items, positions(breaks), opts)! / optimum).toBeCloseTo(1, 9);
  });

  it.each(cases)('never chooses more than the allowed run of hyphenated lines (case $i)', ({ text, width }) => {
    const items = generated(text, width);
    const breaks = breakLines(items, options(width, { hyphenate: true, tolerance: 10_000 }));
    let run = 0;
    for (const b of breaks ?? []) {
      const item = items[b.position]!;
      run = item.kind === 'penalty' && item.flagged ? run + 1 : 0;
      expect(run).toBeLessThanOrEqual(COSTS.maxHyphenRun);
    }
  });
});

describe('breakLines with a forced break inside the paragraph', () => {
  it('always breaks there', () => {
    const word = (text: string, i: number) =>
      ({ kind: 'box', width: text.length * CHAR, text, font: 'body', word: i, expandable: true, hangLeft: 0, hangRight: 0, glyphs: text.length }) as Item;
    const space: Item = { kind: 'glue', width: CHAR, stretch: CHAR / 2, shrink: CHAR / 3 };
    const items: Item[] = [
      word('one', 0),
      space,
      word('two', 1),
      { kind: 'penalty', width: 0, cost: Infinity, flagged: false },
      { kind: 'glue', width: 0, stretch: FILL, shrink: 0 },
      { kind: 'penalty', width: 0, cost: -Infinity, flagged: false },
      word('three', 2),
      { kind: 'penalty', width: 0, cost: Infinity, flagged: false },
      { kind: 'glue', width: 0, stretch: FILL, shrink: 0 },
      { kind: 'penalty', width: 0, cost: -Infinity, flagged: false },
    ];
    expect(positions(breakLines(items, options(60 * CHAR))!)).toEqual([5, 9]);
  });
});
