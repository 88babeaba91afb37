/**
 * bench:build — generates a 24-page-sized edition (60 articles, about 45,000
 * words, seeded; made by `edition.ts`, which bench:typst sets with Typst),
 * builds it in a child process several times, and prints the median figures
 * (page previews are a step of their own and left out).
 * `wallMs` is the whole process (start-up included);
 * `inProcessMs` the build inside it; `peakRssMb` the child's peak memory.
 *
 * `--typst` (or BENCH_TYPST=1) sets the same edition with Typst between
 * build runs and adds its medians and the ratios of each adjacent pair
 * (`wallVsTypst`, `inProcessVsTypst`): this machine's speed drifts from
 * minute to minute, and alternating pairs compare like with like.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './corpus.js';
import { generateEdition } from './edition.js';
import { typstRunner, type TypstRun } from './typst-runner.js';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const WITH_TYPST = process.argv.includes('--typst') || process.env['BENCH_TYPST'] === '1';
const root = mkdtempSync(join(tmpdir(), 'epaper-bench-'));
const input = join(root, 'editions');
const date = '2030-01-15';
mkdirSync(join(input, date), { recursive: true });
cpSync('editions/publication.yaml', join(input, 'publication.yaml'));
cpSync('editions/adverts', join(input, 'adverts'), { recursive: true });
writeFileSync(join(input, date, 'edition.yaml'), 'volume: 1\nissue: 1\n');
const articles = generateEdition();
for (const article of articles) {
  const front = [
    '---',
    `headline: ${JSON.stringify(article.headline)}`,
    `section: ${article.section}`,
    `priority: ${article.priority}`,
    `byline: ${article.byline}`,
    '---',
    '',
  ];
  writeFileSync(join(input, date, `${article.id}.md`), front.join('\n') + article.paragraphs.join('\n\n') + '\n');
}

const out = join(root, 'out');
// The child runs the compiled build with the Node options of the `epaper`
// command's first line (`#!/usr/bin/env -S node …`), as the command does.
const shebang = readFileSync(join(process.cwd(), 'bin/epaper.js'), 'utf8').split('\n')[0]!.split(/\s+/);
const nodeOptions = shebang.slice(shebang.indexOf('node') + 1);
const compiled = join(process.cwd(), 'lib/src/build/build.js');
if (!existsSync(compiled)) throw new Error('run `npm run compile` first (npm run bench:build does)');
const child = join(root, 'child.mjs');
writeFileSync(
  child,
  `import { build } from ${JSON.stringify(compiled)};
const t = performance.now();
await build({ input: ${JSON.stringify(input)}, out: ${JSON.stringify(out)}, strict: false, check: false, force: true, previews: false, log: () => {} });
const ms = performance.now() - t;
console.log(JSON.stringify({ inProcessMs: ms, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
`,
);
const typst = WITH_TYPST ? await typstRunner(articles) : undefined;
const runs: { wallMs: number; inProcessMs: number; peakRssMb: number }[] = [];
const typstRuns: TypstRun[] = [];
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  const output = execFileSync(process.execPath, [...nodeOptions, child], { encoding: 'utf8' });
  const wallMs = performance.now() - start;
  runs.push({ wallMs, ...(JSON.parse(output.trim().split('\n').pop()!) as { inProcessMs: number; peakRssMb: number }) });
  if (typst) typstRuns.push(typst.run());
}
typst?.dispose();
const manifest = JSON.parse(readFileSync(join(out, date, 'edition.json'), 'utf8')) as { pages: unknown[]; pdf: { bytes: number } };
const pages = manifest.pages.length;
const words = articles.reduce((s, a) => s + a.words, 0);
console.log(`runs: ${RUNS}, wall ms: ${runs.map((r) => Math.round(r.wallMs)).join(', ')}`);
const ratio = (key: 'wallMs' | 'inProcessMs') => Math.round(100 * median(runs.map((r, i) => r[key] / typstRuns[i]![key]))) / 100;
if (typst) console.log(`typst wall ms: ${typstRuns.map((r) => Math.round(r.wallMs)).join(', ')}`);
console.log(
  JSON.stringify({
    pages,
    words,
    wallMs: Math.round(median(runs.map((r) => r.wallMs))),
    inProcessMs: Math.round(median(runs.map((r) => r.inProcessMs))),
    bytes: manifest.pdf.bytes,
    bytesPerPage: Math.round(manifest.pdf.bytes / pages),
    peakRssMb: Math.round(median(runs.map((r) => r.peakRssMb))),
    ...(typst
      ? {
          typst: typstRuns[0]!.typst,
          typstWallMs: Math.round(median(typstRuns.map((r) => r.wallMs))),
          typstInProcessMs: Math.round(median(typstRuns.map((r) => r.inProcessMs))),
          wallVsTypst: ratio('wallMs'),
          inProcessVsTypst: ratio('inProcessMs'),
        }
      : {}),
  }),
);
if (!process.env["BENCH_KEEP"]) rmSync(root, { recursive: true, force: true });
else console.error(`kept ${root}`);
