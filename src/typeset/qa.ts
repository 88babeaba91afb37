import { QA_RULES } from './costs.js';
import type { GalleyLine } from './galley.js';

/**
 * The layout QA report: typographic problems as coded findings. Hard rules
 * (overfull lines, widows, orphans, three hyphens in a row) fail a strict
 * build; the rest are warnings an editor may accept.
 */
export const QA_CODES = {
  overfull: 'error',
  widow: 'error',
  orphan: 'error',
  'hyphen-run': 'error',
  'loose-line': 'warning',
  river: 'warning',
  'split-word': 'warning',
  'forced-break': 'warning',
} as const;
export type QaCode = keyof typeof QA_CODES;

export interface QaFinding {
  readonly code: QaCode;
  readonly severity: (typeof QA_CODES)[QaCode];
  readonly article: string;
  readonly page: number;
  readonly column: number;
  readonly line: number;
  readonly text: string;
}

export interface QaStats {
  readonly lines: number;
  readonly justifiedLines: number;
  readonly looseLines: number;
  readonly rivers: number;
  readonly hyphenatedLines: number;
  readonly hyphenRuns3: number;
  readonly overfull: number;
  readonly widows: number;
  readonly orphans: number;
}

/** A wide inter-word gap on a line: where it is, and how many lines its river has run so far. */
interface WideGap {
  readonly left: number;
  readonly width: number;
  readonly chain: number;
}

/** Where a column of lines stands, for the findings. */
export interface ColumnPlace {
  readonly article: string;
  readonly page: number;
  readonly column: number;
}

export const EMPTY_STATS: QaStats = {
  lines: 0,
  justifiedLines: 0,
  looseLines: 0,
  rivers: 0,
  hyphenatedLines: 0,
  hyphenRuns3: 0,
  overfull: 0,
  widows: 0,
  orphans: 0,
};

export function addStats(a: QaStats, b: QaStats): QaStats {
  const sum = { ...a };
  for (const key of Object.keys(sum) as (keyof QaStats)[]) (sum as Record<keyof QaStats, number>)[key] = a[key] + b[key];
  return sum;
}

function lineText(line: GalleyLine): string {
  return line.line.runs.map((run) => run.text).join(' ');
}

/**
 * Checks the columns of one story, in reading order: a run of hyphens
 * or a river can go on from the foot of one column to the top of the next.
 */
export function checkStory(
  columns: readonly { readonly lines: readonly GalleyLine[]; readonly place: ColumnPlace }[],
): { stats: QaStats; findings: QaFinding[] } {
  const findings: QaFinding[] = [];
  let stats = { ...EMPTY_STATS };
  let run = 0;
  const find = (code: QaCode, place: ColumnPlace, line: number, gl: GalleyLine) =>
    findings.push({ code, severity: QA_CODES[code], ...place, line: line + 1, text: lineText(gl) });

  for (const { lines, place } of columns) {
    const first = lines[0];
    const last = lines[lines.length - 1];
    if (first && !first.firstOfBlock && first.lastOfBlock) {
      stats.widows++;
      find('widow', place, 0, first);
    }
    if (last && last.firstOfBlock && !last.lastOfBlock) {
      stats.orphans++;
      find('orphan', place, lines.length - 1, last);
    }
    // Wide gaps of the line above, with the length of the chain each ends.
    // Indexed loops and no destructuring: this runs over every line of the
    // edition, mostly before V8 optimises it, and unoptimised code allocates
    // an object for every step of a `for…of` and every destructured pair.
    let above: WideGap[] = [];
    for (let i = 0; i < lines.length; i++) {
      const gl = lines[i]!;
      const line = gl.line;
      const gaps = line.gaps;
      stats.lines++;
      if (line.overfull > 0.01) {
        stats.overfull++;
        find('overfull', place, i, gl);
      }
      if (line.splitWord) find('split-word', place, i, gl);
      if (line.hyphenated) {
        stats.hyphenatedLines++;
        run++;
        if (run === 3) {
          stats.hyphenRuns3++;
          find('hyphen-run', place, i, gl);
        }
      } else {
        run = 0;
      }
      if (line.justified) {
        stats.justifiedLines++;
        let widest = 0;
        for (let g = 0; g < gaps.length; g++) widest = Math.max(widest, gaps[g]![1]);
        if (widest > QA_RULES.looseSpaceFactor * line.normalSpace + 1e-6) {
          stats.looseLines++;
          find('loose-line', place, i, gl);
        }
      }
      // Rivers: wide gaps whose spans overlap on consecutive lines.
      const here: WideGap[] = [];
      // One river per line at most: a line whose wide gaps each continue a
      // chain of overlapping gaps shows one channel of white, not several.
      let riverHere = false;
      for (let g = 0; g < gaps.length; g++) {
        const width = gaps[g]![1];
        if (width < QA_RULES.riverGapFactor * line.normalSpace) continue;
        const left = gaps[g]![0] + gl.x;
        let chain = 1;
        for (let a = 0; a < above.length; a++) {
          const gap = above[a]!;
          if (gap.left < left + width && left < gap.left + gap.width) chain = Math.max(chain, gap.chain + 1);
        }
        here.push({ left, width, chain });
        if (chain === QA_RULES.riverMinLines && !riverHere) {
          riverHere = true;
          stats.rivers++;
          find('river', place, i, gl);
        }
      }
      above = here;
    }
  }
  return { stats, findings };
}
