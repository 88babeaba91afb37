import { COSTS, QA_RULES, type Costs } from './costs.js';
import { hangLeftAt, hangRightAt, type Item } from './items.js';

/**
 * Knuth–Plass total-fit line breaking ("Breaking Paragraphs into Lines",
 * Software—Practice and Experience 11, 1981), with three additions:
 * - font expansion: boxes may stretch or shrink by `expansion` of their
 *   width (pdfTeX's microtype, ±2 %), used before spaces stretch further;
 * - the length of the current run of hyphenated lines is part of a node's
 *   state, so no run longer than `maxHyphenRun` is ever chosen;
 * - a cost for loose lines that dominates all others, so that the last
 *   pass (no tolerance) sets as few of them as the words allow.
 */
export interface BreakOptions {
  /** Width of line `i` (0-based) in points. */
  readonly lineWidth: (line: number) => number;
  /** Highest badness a line may have (100·r³). */
  readonly tolerance: number;
  /** Fraction of a box's width that justification may add or remove. */
  readonly expansion: number;
  /** Whether discretionary hyphens (penalties with a `mark`) may be taken at all. */
  readonly hyphenate: boolean;
  /** Points added to every line's stretch when judging its badness (the last pass only). */
  readonly emergencyStretch?: number;
  /**
   * Give lines whose spaces pass the loose-line limit `looseLineDemerits`
   * (justified text; ragged text has no such limit).
   */
  readonly penaliseLoose?: boolean;
  /** Defaults to `COSTS`. */
  readonly costs?: Costs;
}

/** A chosen break: the item where the line ends, and how its line is set. */
export interface Break {
  /** Index of the glue or penalty the line breaks at. */
  readonly position: number;
  /** Adjustment ratio of the inter-word spaces (0 natural, 1 fully stretched, -1 fully shrunk). */
  readonly ratio: number;
  /** Ratio of the font expansion, in [-1, 1]. */
  readonly expansionRatio: number;
  readonly badness: number;
}

/** Fitness classes of [KP] p. 1128: tight, decent, loose, very loose. */
function fitnessOf(ratio: number): number {
  if (ratio < -0.5) return 0;
  if (ratio <= 0.5) return 1;
  if (ratio <= 1) return 2;
  return 3;
}

/**
 * An active breakpoint. Where the next line starts is kept as an item index
 * (`start`): its sums are read from the prefix sums when needed rather than
 * copied into every node. A number field that
 * holds fractions is a separate heap object in V8, so each copied sum cost
 * an allocation; nodes were a fifth of what a cold build allocated.
 */
interface Node {
  readonly position: number;
  /** Index of the first item of the line that starts after this break. */
  readonly start: number;
  readonly line: number;
  /**
   * Width the next line may fill: its measure plus the hang of its first
   * item. Worked out once per node rather than at every breakpoint the node
   * is tried against (two calls each, some 500,000 times a build).
   */
  readonly target: number;
  readonly fitness: number;
  readonly hyphenRun: number;
  readonly demerits: number;
  readonly ratio: number;
  readonly expansionRatio: number;
  readonly badness: number;
  readonly previous: Node | null;
}

/** Sums of widths before each item: line widths become two look-ups ([KP] p. 1158). */
interface Sums {
  readonly width: Float64Array;
  readonly stretch: Float64Array;
  readonly shrink: Float64Array;
  readonly expandable: Float64Array;
}

/**
 * The line breaker's number arrays, views of one buffer kept from one
 * paragraph to the next. A typed array of more than 64 bytes keeps its
 * memory outside V8's heap, and making one costs far more than a view (an
 * allocation, zero-filling and external-memory accounting); the line breaker
 * needs eight per paragraph. The views hold whatever the last paragraph
 * left: every slot is written before it is read. The buffer only grows, and
 * its first size holds paragraphs of some 2,000 items.
 */
class Scratch {
  #buffer = new Float64Array(8192);

  /** Makes sure `total` numbers fit. */
  reserve(total: number): void {
    if (total > this.#buffer.length) this.#buffer = new Float64Array(2 * total);
  }

  /** `count` arrays of `n` numbers, from number `offset` of the buffer on (reserved before). */
  arrays(count: number, n: number, offset: number): Float64Array[] {
    const arrays: Float64Array[] = [];
    for (let k = 0; k < count; k++) arrays.push(this.#buffer.subarray(offset + k * n, offset + (k + 1) * n));
    return arrays;
  }
}

const scratch = new Scratch();

function prefixSums(items: readonly Item[]): Sums {
  const n = items.length + 1;
  // Indexed, not destructured: unoptimised code destructures through an iterator.
  const arrays = scratch.arrays(4, n, 0);
  const width = arrays[0]!;
  const stretch = arrays[1]!;
  const shrink = arrays[2]!;
  const expandable = arrays[3]!;
  width[0] = 0;
  stretch[0] = 0;
  shrink[0] = 0;
  expandable[0] = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    width[i + 1] = width[i]! + (item.kind === 'penalty' ? 0 : item.width);
    stretch[i + 1] = stretch[i]! + (item.kind === 'glue' ? item.stretch : 0);
    shrink[i + 1] = shrink[i]! + (item.kind === 'glue' ? item.shrink : 0);
    expandable[i + 1] = expandable[i]! + (item.kind === 'box' && item.expandable ? item.width : 0);
  }
  return { width, stretch, shrink, expandable };
}

/** Where the next line starts after a break at `b`: glue and penalties after it are discarded. */
function lineStart(items: readonly Item[], b: number): number {
  let i = b + 1;
  while (i < items.length) {
    const item = items[i]!;
    if (item.kind === 'box' || (item.kind === 'penalty' && item.cost === -Infinity && i > b + 1)) break;
    i++;
  }
  return i;
}

interface Fit {
  readonly ratio: number;
  readonly expansionRatio: number;
}

/**
 * How a line of natural width `natural` fits `target`: expansion goes first
 * up to its limit together with the spaces, then only the spaces go on.
 */
export function fitLine(natural: number, target: number, stretch: number, shrink: number, expand: number): Fit {
  if (natural < target) {
    const need = target - natural;
    if (need <= stretch + expand) {
      const r = need / (stretch + expand);
      return { ratio: r, expansionRatio: expand > 0 ? r : 0 };
    }
    return { ratio: stretch > 0 ? (need - expand) / stretch : Infinity, expansionRatio: expand > 0 ? 1 : 0 };
  }
  if (natural > target) {
    const excess = natural - target;
    if (excess <= shrink + expand) {
      const r = -excess / (shrink + expand);
      return { ratio: r, expansionRatio: expand > 0 ? r : 0 };
    }
    return { ratio: -Infinity, expansionRatio: -1 };
  }
  return { ratio: 0, expansionRatio: 0 };
}

/**
 * Chooses the breaks of a paragraph that minimise the total demerits, or
 * returns null when no set of breaks keeps every line within `tolerance`.
 */
export function breakLines(items: readonly Item[], options: BreakOptions): readonly Break[] | null {
  const costs = options.costs ?? COSTS;
  const runs = costs.maxHyphenRun + 1;
  const slotCount = 4 * runs;
  // Four prefix sums of items.length + 1 numbers, then four slot arrays (below).
  scratch.reserve(4 * (items.length + 1) + 4 * slotCount);
  const sums = prefixSums(items);
  const start = lineStart(items, -1);
  // Space ratio past which a space is wider than the loose-line limit.
  const looseRatio = options.penaliseLoose ? (QA_RULES.looseSpaceFactor - costs.spaceWidth) / costs.spaceStretch : Infinity;
  // Every option, cost and array the loops read, read once here. Until V8
  // has optimised this function, each property read in a loop is a look-up
  // at every step, and the loops take some 500,000 steps a build; optimised
  // code reads them again at every step too, because the call to
  // `lineWidth` could have changed them.
  const { lineWidth, expansion, tolerance, hyphenate } = options;
  const emergencyStretch = options.emergencyStretch ?? 0;
  const { maxHyphenRun, linePenalty, doubleHyphenDemerits, finalHyphenDemerits, adjacentFitnessDemerits, looseLineDemerits } = costs;
  const sumWidth = sums.width;
  const sumStretch = sums.stretch;
  const sumShrink = sums.shrink;
  const sumExpandable = sums.expandable;
  // Best candidate per (fitness class, hyphen run) at one breakpoint: a fixed
  // table of parallel arrays, reset per breakpoint. Slot i holds fitness class
  // floor(i / runs) and hyphen run i % runs. No object per candidate: cold,
  // those were a fifth of everything a build allocated.
  const slotFrom: (Node | null)[] = new Array<Node | null>(slotCount).fill(null);
  const slots = scratch.arrays(4, slotCount, 4 * (items.length + 1));
  const slotDemerits = slots[0]!;
  const slotRatio = slots[1]!;
  const slotExpansion = slots[2]!;
  const slotBadness = slots[3]!;
  let spare: Node[] = [];
  let active: Node[] = [{ position: -1, start, line: 0, target: lineWidth(0) + hangLeftAt(items, start), fitness: 1, hyphenRun: 0, demerits: 0, ratio: 0, expansionRatio: 0, badness: 0, previous: null }];

  for (let b = 0; b < items.length; b++) {
    const item = items[b]!;
    let penalty = 0;
    let flagged = false;
    let extra = 0;
    if (item.kind === 'glue') {
      // Not items[b - 1] at b = 0: an out-of-bounds read throws the optimised loop away.
      const before = b > 0 ? items[b - 1] : undefined;
      if (!before || before.kind !== 'box') continue;
    } else if (item.kind === 'penalty') {
      if (item.cost === Infinity) continue;
      if (item.mark && !hyphenate) continue;
      penalty = item.cost;
      flagged = item.flagged;
      extra = item.width;
    } else {
      continue;
    }
    const forced = penalty === -Infinity;
    const hangRight = hangRightAt(items, b);
    const widthTo = sumWidth[b]!;
    const stretchTo = sumStretch[b]!;
    const shrinkTo = sumShrink[b]!;
    const expandableTo = sumExpandable[b]!;
    // Two arrays swap roles at every breakpoint: no garbage in the hot loop.
    const survivors = spare;
    survivors.length = 0;
    let found = false;
    for (let k = 0; k < active.length; k++) {
      const a = active[k]!;
      const from = a.start;
      const natural = widthTo - sumWidth[from]! + extra;
      const stretch = stretchTo - sumStretch[from]!;
      const shrink = shrinkTo - sumShrink[from]!;
      const expand = (expandableTo - sumExpandable[from]!) * expansion;
      const target = a.target + hangRight;
      // fitLine, inlined: this loop is the hot path of the whole build.
      let ratio: number;
      let expansionRatio: number;
      if (natural < target) {
        const need = target - natural;
        if (need <= stretch + expand) {
          ratio = need / (stretch + expand);
          expansionRatio = expand > 0 ? ratio : 0;
        } else {
          ratio = stretch > 0 ? (need - expand) / stretch : Infinity;
          expansionRatio = expand > 0 ? 1 : 0;
        }
      } else if (natural > target) {
        const excess = natural - target;
        if (excess <= shrink + expand) {
          ratio = -excess / (shrink + expand);
          expansionRatio = expand > 0 ? ratio : 0;
        } else {
          ratio = -Infinity;
          expansionRatio = -1;
        }
      } else {
        ratio = 0;
        expansionRatio = 0;
      }
      // The line from a is too long already, or a forced break ends every line.
      if (ratio >= -1 && !forced) survivors.push(a);
      if (ratio < -1) continue;
      // Emergency stretch ([TB] \emergencystretch) lowers the badness of loose
      // lines so the last pass spreads looseness over several lines rather
      // than piling it on one; the loose-line cost still sees the real ratio.
      const judged = emergencyStretch && ratio > 0 && Number.isFinite(ratio) ? (ratio * stretch) / (stretch + emergencyStretch) : ratio;
      // Badness of [TB] p. 97: 100·r³. TeX caps it at 10,000 ("infinitely
      // bad"); we do not, so that in the last pass a line twice as loose as
      // another still costs more, and the breaker spreads the looseness it
      // cannot avoid. Worked out here rather than by a function: a fraction
      // returned by a call V8 does not inline is a new heap object.
      const r = Math.abs(judged);
      const badness = Number.isFinite(judged) ? 100 * r * r * r : 1e7;
      if (badness > tolerance) continue;
      const hyphenRun = flagged ? a.hyphenRun + 1 : 0;
      if (hyphenRun > maxHyphenRun) continue;
      let demerits = (linePenalty + badness) ** 2;
      if (penalty > 0) demerits += penalty * penalty;
      else if (penalty > -Infinity) demerits -= penalty * penalty;
      if (flagged && a.hyphenRun > 0) demerits += doubleHyphenDemerits;
      if (forced && a.hyphenRun > 0) demerits += finalHyphenDemerits;
      const fitness = fitnessOf(ratio);
      if (Math.abs(fitness - a.fitness) > 1) demerits += adjacentFitnessDemerits;
      if (!forced && ratio > looseRatio) demerits += looseLineDemerits;
      demerits += a.demerits;
      const slot = fitness * runs + hyphenRun;
      if (slotFrom[slot] === null || demerits < slotDemerits[slot]!) {
        slotFrom[slot] = a;
        slotDemerits[slot] = demerits;
        slotRatio[slot] = ratio;
        slotExpansion[slot] = expansionRatio;
        slotBadness[slot] = badness;
        found = true;
      }
    }
    if (found) {
      const next = lineStart(items, b);
      const hangLeft = hangLeftAt(items, next);
      for (let i = 0; i < slotCount; i++) {
        const from = slotFrom[i];
        if (!from) continue;
        if (dominated(i, slotFrom, slotDemerits, runs, adjacentFitnessDemerits)) continue;
        survivors.push({
          position: b,
          start: next,
          line: from.line + 1,
          target: lineWidth(from.line + 1) + hangLeft,
          fitness: Math.floor(i / runs),
          hyphenRun: i % runs,
          demerits: slotDemerits[i]!,
          ratio: slotRatio[i]!,
          expansionRatio: slotExpansion[i]!,
          badness: slotBadness[i]!,
          previous: from,
        });
      }
      slotFrom.fill(null);
    }
    if (survivors.length === 0 && tolerance === Infinity && active.length > 0) {
      const next = lineStart(items, b);
      survivors.push(overfullBreak(active, b, next, lineWidth, hangLeftAt(items, next), flagged, costs));
    }
    spare = active;
    active = survivors;
    if (active.length === 0) return null;
  }
  return chosenBreaks(active, items.length - 1);
}

// The rare and once-per-paragraph parts of `breakLines` are functions of
// their own: the smaller its loop's function, the sooner V8 optimises it.

/**
 * Whether the best candidate of slot `i` can never lead to the best
 * paragraph, so that no node need be made for it: another candidate at the
 * same breakpoint, on the same line, with no longer a run of hyphens, has
 * fewer demerits by more than the adjacent-fitness demerits. Whatever
 * follows, the other costs at most that much more (a fitness class apart);
 * its shorter hyphen run allows every break this one allows, at no more
 * cost; the same line number gives it the same widths ahead. TeX keeps a
 * fitness class's node only within that margin of the best for the same
 * reason ([TB] §836). With fewer nodes every later breakpoint tries fewer.
 */
function dominated(i: number, slotFrom: readonly (Node | null)[], slotDemerits: Float64Array, runs: number, margin: number): boolean {
  const line = slotFrom[i]!.line;
  const run = i % runs;
  // A hair under the margin: the sums may round differently by a unit in the last place.
  const limit = slotDemerits[i]! - margin - Math.abs(slotDemerits[i]!) * 1e-12 - 1e-6;
  for (let j = 0; j < slotFrom.length; j++) {
    const other = slotFrom[j];
    if (j !== i && other !== null && other.line === line && j % runs <= run && slotDemerits[j]! < limit) return true;
  }
  return false;
}

/**
 * Nothing fits, not even one box to a line (a word tied by no-break spaces
 * wider than the column, say). Like TeX's final pass, break anyway after the
 * best line so far and leave this line overfull: the text is set, and the
 * QA report names the line.
 */
function overfullBreak(
  active: readonly Node[],
  b: number,
  next: number,
  lineWidth: BreakOptions['lineWidth'],
  hangLeft: number,
  flagged: boolean,
  costs: Costs,
): Node {
  let bestFrom = active[0]!;
  for (let k = 1; k < active.length; k++) if (active[k]!.demerits < bestFrom.demerits) bestFrom = active[k]!;
  return {
    position: b,
    start: next,
    line: bestFrom.line + 1,
    target: lineWidth(bestFrom.line + 1) + hangLeft,
    fitness: 0,
    hyphenRun: flagged ? Math.min(bestFrom.hyphenRun + 1, costs.maxHyphenRun) : 0,
    demerits: bestFrom.demerits + costs.looseLineDemerits * 10,
    ratio: -1,
    expansionRatio: -1,
    badness: 10_000,
    previous: bestFrom,
  };
}

/** The breaks of the best node that ends the paragraph (at item `last`), in order; null if none does. */
function chosenBreaks(active: readonly Node[], last: number): readonly Break[] | null {
  let best: Node | null = null;
  for (let k = 0; k < active.length; k++) {
    const node = active[k]!;
    if (node.position === last && (!best || node.demerits < best.demerits)) best = node;
  }
  if (!best) return null;
  const breaks: Break[] = [];
  for (let node: Node | null = best; node && node.position >= 0; node = node.previous) {
    breaks.push({ position: node.position, ratio: node.ratio, expansionRatio: node.expansionRatio, badness: node.badness });
  }
  return breaks.reverse();
}
