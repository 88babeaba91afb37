/**
 * bench:typst — sets the edition bench:build builds (`edition.ts`) with Typst,
 * on the same machine and in the same way (`typst-runner.ts`), and prints the
 * median figures: `wallMs` the whole process (start-up included), timed from
 * here; `inProcessMs` the compile-to-PDF call inside it, fonts already given.
 * `npm run bench:build -- --typst` alternates both in one run instead.
 */
import { median } from './corpus.js';
import { generateEdition } from './edition.js';
import { typstRunner, type TypstRun } from './typst-runner.js';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const articles = generateEdition();
const typst = await typstRunner(articles);
const runs: TypstRun[] = [];
for (let i = 0; i < RUNS; i++) runs.push(typst.run());
typst.dispose();
const last = runs[runs.length - 1]!;
console.log(`runs: ${RUNS}, wall ms: ${runs.map((r) => Math.round(r.wallMs)).join(', ')}`);
console.log(
  JSON.stringify({
    pages: last.pages,
    words: articles.reduce((s, a) => s + a.words, 0),
    wallMs: Math.round(median(runs.map((r) => r.wallMs))),
    inProcessMs: Math.round(median(runs.map((r) => r.inProcessMs))),
    typst: last.typst,
  }),
);
