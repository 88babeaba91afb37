import { COSTS } from './costs.js';
import type { Item } from './items.js';

/**
 * Knuth–Plass total-fit line breaking ("Breaking Paragraphs into Lines",
 * Software—Practice and Experience 11, 1981), with three additions:
 * - font expansion: boxes may stretch or shrink by `expansion` of their
 *   width (pdfTeX's microtype, ±2 %), used before spaces stretch further;
 * - the length of the current run of hyphenated lines is part of a node's
 *   state, so no run longer than `maxHyphenRun` is ever chosen;
 * - the emergency stretch of TeX's third pass ([TB] \emergencystretch).
 */
export interface BreakOptions {
  /** Width of line `i` (0-based) in points. */
  readonly lineWidth: (line: number) => number;
  /** Highest badness a line may have (100·r³). */
  readonly tolerance: number;
  /** Added to every line's stretch when computing badness, in points. */
  readonly emergencyStretch: number;
  /** Fraction of a box's width that justification may add or remove. */
  readonly expansion: number;
  /** Whether discretionary hyphens (penalties with a `mark`) may be taken at all. */
  readonly hyphenate: boolean;
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

/** Badness of [TB] p. 97: 100·r³, capped at 10,000 ("infinitely bad"). */
function badnessOf(ratio: number): number {
  if (!Number.isFinite(ratio)) return 10_000;
  return Math.min(10_000, 100 * Math.abs(ratio) ** 3);
}

interface Node {
  readonly position: number;
  readonly line: number;
  readonly fitness: number;
  readonly hyphenRun: number;
  readonly width: number;
  readonly stretch: number;
  readonly shrink: number;
  readonly expandable: number;
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

function prefixSums(items: readonly Item[]): Sums {
  const n = items.length + 1;
  const width = new Float64Array(n);
  const stretch = new Float64Array(n);
  const shrink = new Float64Array(n);
  const expandable = new Float64Array(n);
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
  const sums = prefixSums(items);
  const start = lineStart(items, -1);
  let active: Node[] = [
    {
      position: -1,
      line: 0,
      fitness: 1,
      hyphenRun: 0,
      width: sums.width[start]!,
      stretch: sums.stretch[start]!,
      shrink: sums.shrink[start]!,
      expandable: sums.expandable[start]!,
      demerits: 0,
      ratio: 0,
      expansionRatio: 0,
      badness: 0,
      previous: null,
    },
  ];

  for (let b = 0; b < items.length; b++) {
    const item = items[b]!;
    let penalty = 0;
    let flagged = false;
    let extra = 0;
    if (item.kind === 'glue') {
      const before = items[b - 1];
      if (!before || before.kind !== 'box') continue;
    } else if (item.kind === 'penalty') {
      if (item.cost === Infinity) continue;
      if (item.mark && !options.hyphenate) continue;
      penalty = item.cost;
      flagged = item.flagged;
      extra = item.width;
    } else {
      continue;
    }
    active = tryBreak(items, sums, active, b, penalty, flagged, extra, options);
    if (active.length === 0) return null;
  }

  let best: Node | null = null;
  for (const node of active) {
    if (node.position === items.length - 1 && (!best || node.demerits < best.demerits)) best = node;
  }
  if (!best) return null;
  const breaks: Break[] = [];
  for (let node: Node | null = best; node && node.position >= 0; node = node.previous) {
    breaks.push({ position: node.position, ratio: node.ratio, expansionRatio: node.expansionRatio, badness: node.badness });
  }
  return breaks.reverse();
}

function tryBreak(
  items: readonly Item[],
  sums: Sums,
  active: Node[],
  b: number,
  penalty: number,
  flagged: boolean,
  extra: number,
  options: BreakOptions,
): Node[] {
  const forced = penalty === -Infinity;
  // Best candidate per (fitness class, hyphen run) ending at b.
  const candidates = new Map<number, Node>();
  const survivors: Node[] = [];
  for (const a of active) {
    const natural = sums.width[b]! - a.width + extra;
    const stretch = sums.stretch[b]! - a.stretch;
    const shrink = sums.shrink[b]! - a.shrink;
    const expand = (sums.expandable[b]! - a.expandable) * options.expansion;
    const target = options.lineWidth(a.line);
    const fit = fitLine(natural, target, stretch + options.emergencyStretch, shrink, expand);
    // Spaces' own ratio (emergency stretch counts only toward badness).
    const ratio = fitLine(natural, target, stretch, shrink, expand).ratio;
    if (fit.ratio < -1 || forced) {
      // The line from a is already too long, or a forced break ends every line.
    } else {
      survivors.push(a);
    }
    if (fit.ratio < -1) continue;
    const badness = badnessOf(fit.ratio);
    if (badness > options.tolerance) continue;
    const hyphenRun = flagged ? a.hyphenRun + 1 : 0;
    if (hyphenRun > COSTS.maxHyphenRun) continue;
    let demerits = (COSTS.linePenalty + badness) ** 2;
    if (penalty > 0) demerits += penalty ** 2;
    else if (penalty > -Infinity) demerits -= penalty ** 2;
    if (flagged && a.hyphenRun > 0) demerits += COSTS.doubleHyphenDemerits;
    if (forced && a.hyphenRun > 0) demerits += COSTS.finalHyphenDemerits;
    const fitness = fitnessOf(fit.ratio);
    if (Math.abs(fitness - a.fitness) > 1) demerits += COSTS.adjacentFitnessDemerits;
    demerits += a.demerits;
    const key = fitness * 8 + hyphenRun;
    const existing = candidates.get(key);
    if (!existing || demerits < existing.demerits) {
      const next = lineStart(items, b);
      candidates.set(key, {
        position: b,
        line: a.line + 1,
        fitness,
        hyphenRun,
        width: sums.width[next]!,
        stretch: sums.stretch[next]!,
        shrink: sums.shrink[next]!,
        expandable: sums.expandable[next]!,
        demerits,
        ratio: Number.isFinite(ratio) ? ratio : fit.ratio,
        expansionRatio: fit.expansionRatio,
        badness,
        previous: a,
      });
    }
  }
  for (const node of candidates.values()) survivors.push(node);
  return survivors;
}
