/**
 * bench:typeset — sets a generated broadsheet edition (about 45,000 words in
 * 60 articles; columns of 47 mm, 9 pt on 10.5 pt) into columns and prints the
 * quality figures and median times: `ms` with the font metrics and
 * hyphenation cached (as for every edition after the first in a build),
 * `coldMs` with new caches, shaping and hyphenating every word afresh.
 */
import hyphen from 'hyphen/en-us/index.js';
import { readFontFiles } from '../../src/build/font-files.js';
import { bodyBlocks } from '../../src/layout/story.js';
import { Shaper } from '../../src/fonts/shaper.js';
import { fillColumns } from '../../src/typeset/columns.js';
import { setGalley } from '../../src/typeset/galley.js';
import { softHyphenBreaks } from '../../src/typeset/hyphenate.js';
import { FONT_KEYS, type FontKey, type FontTable } from '../../src/typeset/metrics.js';
import { typesetContext, type TypesetContext } from '../../src/typeset/paragraph.js';
import { COSTS, type Costs } from '../../src/typeset/costs.js';
import { addStats, checkStory, EMPTY_STATS, type QaStats } from '../../src/typeset/qa.js';
import { generateArticles, median } from './corpus.js';

const MM = 72 / 25.4;
const COLUMN_WIDTH = 47 * MM;
const COLUMN_HEIGHT = 520 * MM; // a broadsheet column's depth below the headline
const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);
/** Variants to compare: `BENCH_COSTS='{"hyphenPenalty":100}' npm run bench:typeset`. */
const costs: Costs = { ...COSTS, ...(JSON.parse(process.env['BENCH_COSTS'] ?? '{}') as Partial<Costs>) };

const files = await readFontFiles();
const articles = generateArticles(60, 45_000);

function freshFonts(): FontTable {
  const table = {} as Record<FontKey, FontTable[FontKey]>;
  for (const key of FONT_KEYS) table[key] = Shaper.fromBytes(files[key], key).metrics();
  return table;
}

/**
 * Sets the whole edition once: itemize (hyphenation, shaping), break lines,
 * position them, fill columns, and check them for the QA figures.
 */
function setEdition(context: TypesetContext): { ms: number; stats: QaStats } {
  const start = performance.now();
  let stats = EMPTY_STATS;
  for (const article of articles) {
    const blocks = bodyBlocks(
      { id: article.id, section: 'news', priority: 5, headline: '', body: article.paragraphs.map((p) => ({ kind: 'paragraph' as const, runs: [{ text: p, font: 'body' as const }] })) },
      false,
    );
    const galley = setGalley(blocks, COLUMN_WIDTH, context);
    const fill = fillColumns(galley, Array(40).fill(COLUMN_HEIGHT));
    const columns = fill.columns.map((c, i) => ({ lines: galley.slice(c.start, c.end), place: { article: article.id, page: 1, column: i + 1 } }));
    stats = addStats(stats, checkStory(columns).stats);
  }
  return { ms: performance.now() - start, stats };
}

const newContext = () => typesetContext(freshFonts(), (w) => softHyphenBreaks(hyphen.hyphenateSync(w)), costs);

// Cold: new shaping and hyphenation caches each run (the first edition a build sets).
const cold = Array.from({ length: RUNS }, () => setEdition(newContext()));
// Warm: font metrics and hyphenation cached, as they are per font for every
// later edition of a build; the first, cold, run is left out.
const shared = newContext();
setEdition(shared);
const warm = Array.from({ length: RUNS }, () => setEdition(shared));

const { stats } = warm[0]!;
const pct = (n: number, d: number) => Math.round((1000 * n) / d) / 10;
const summary = {
  words: articles.reduce((s, a) => s + a.words, 0),
  lines: stats.lines,
  ms: Math.round(median(warm.map((r) => r.ms))),
  coldMs: Math.round(median(cold.map((r) => r.ms))),
  looseLinesPct: pct(stats.looseLines, stats.justifiedLines),
  riversPer1000: Math.round((10_000 * stats.rivers) / stats.lines) / 10,
  hyphenatedPct: pct(stats.hyphenatedLines, stats.lines),
  hyphenRuns3: stats.hyphenRuns3,
  overfull: stats.overfull,
  widows: stats.widows,
  orphans: stats.orphans,
};
console.log(`runs: ${RUNS}; warm (ms): ${warm.map((r) => Math.round(r.ms)).join(', ')}; cold (ms): ${cold.map((r) => Math.round(r.ms)).join(', ')}`);
console.log(JSON.stringify(summary));
