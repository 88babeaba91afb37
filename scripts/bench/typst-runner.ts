/**
 * Typst setting the bench edition (`edition.ts`) the way bench:build builds
 * it: a fresh Node process per run that loads the compiler, compiles the
 * document to PDF and writes it. Used by bench:typst alone and by
 * `bench:build --typst`, which alternates the two in one run.
 *
 * The compiler (Typst as a native Node addon) is no dependency of the
 * project: it is installed on first use into a cache folder git ignores.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { load as parse } from 'js-yaml';
import { FONT_FILES, readFontFiles } from '../../src/build/font-files.js';
import type { FontKey } from '../../src/typeset/metrics.js';
import type { EditionArticle } from './edition.js';

const COMPILER = '@myriaddreamin/typst-ts-node-compiler';
/** Pinned, so that figures from different days compare the same Typst. */
const COMPILER_VERSION = '0.7.0';
const CACHE = join(process.cwd(), 'node_modules/.cache/bench-typst');

interface Publication {
  readonly language: string;
  readonly page: {
    readonly width: number;
    readonly height: number;
    readonly margins: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
    readonly columns: number;
    readonly gutter: number;
  };
  readonly sections: readonly { readonly id: string; readonly title: string }[];
}

/** The compiler's package folder, installed into the cache if it is missing or another version. */
function compilerPackage(): string {
  const dir = join(CACHE, 'node_modules', COMPILER);
  const manifest = join(dir, 'package.json');
  const installed = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : undefined;
  if (installed !== COMPILER_VERSION) {
    console.log(`installing ${COMPILER}@${COMPILER_VERSION} into ${join('node_modules', '.cache', 'bench-typst')} (once)`);
    mkdirSync(CACHE, { recursive: true });
    npm(['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', CACHE, `${COMPILER}@${COMPILER_VERSION}`]);
  }
  return dir;
}

/** Runs npm, its output on stderr so that this script's last line stays the figures. */
function npm(args: readonly string[]): void {
  const cli = process.env['npm_execpath'];
  // Under `npm run`, npm's own script: run with Node it needs no shell on any platform.
  if (cli && basename(cli) === 'npm-cli.js') execFileSync(process.execPath, [cli, ...args], { stdio: ['ignore', 2, 2] });
  else execFileSync('npm', args, { stdio: ['ignore', 2, 2] });
}

/**
 * The publication's faces as TrueType files (Typst reads no WOFF), the Latin
 * ones only: Typst picks one font per family name and style, so the `-ext`
 * files (Latin Extended, same names) would take that pick or not depending on
 * the order the folder lists them in (where Libre Franklin's took it, the
 * bylines fell back to Typst's own Libertinus Serif). The text's few Latin
 * Extended letters (ń) are shaped as a letter and a combining accent, which
 * the Latin files have.
 */
async function writeFonts(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const bytes = await readFontFiles();
  const written = new Set<string>();
  for (const [key, { file }] of Object.entries(FONT_FILES)) {
    // Faces that stand in for others (bold for bold italic) share a file.
    if (key.endsWith('-ext') || written.has(file)) continue;
    written.add(file);
    writeFileSync(join(dir, `${basename(file, '.woff')}.ttf`), bytes[key as FontKey]);
  }
}

/** A Typst string literal: text inside it is never read as markup (`#`, `$`, `*`, `_`, `@`, `<`, quotes, dashes). */
function typstString(text: string): string {
  const escaped = text.replace(/[\\"\u0000-\u001f]/g, (c) => (c === '\\' || c === '"' ? `\\${c}` : `\\u{${c.charCodeAt(0).toString(16)}}`));
  return `"${escaped}"`;
}

/**
 * The edition as one Typst document, set like the build sets it: the
 * publication's page and grid, 9 pt on 10.5 pt Old Standard TT justified and
 * hyphenated, each section from a new page, its articles by priority (higher
 * first, as the build's pagination orders them), each a Playfair Display
 * headline, a byline and the paragraphs flowing through the columns.
 */
function typstDocument(articles: readonly EditionArticle[], publication: Publication): string {
  const { page } = publication;
  const { top, right, bottom, left } = page.margins;
  const [lang = 'en', region] = publication.language.split('-');
  const out = [
    // Read back after the timed compile, for the figures.
    '#metadata(str(sys.version)) <typst-version>',
    `#set page(width: ${page.width}pt, height: ${page.height}pt, margin: (top: ${top}pt, right: ${right}pt, bottom: ${bottom}pt, left: ${left}pt), columns: ${page.columns})`,
    `#set columns(gutter: ${page.gutter}pt)`,
    // Lines exactly 1 em high plus 1.5 pt leading: baselines 10.5 pt apart, paragraphs on the same grid.
    `#set text(font: "Old Standard TT", size: 9pt, lang: ${typstString(lang)}${region ? `, region: ${typstString(region)}` : ''}, hyphenate: true, top-edge: 1em, bottom-edge: "baseline")`,
    '#set par(justify: true, leading: 1.5pt, spacing: 1.5pt, first-line-indent: 1em)',
    '#let section(title) = {',
    '  pagebreak(weak: true)',
    '  place(top, scope: "parent", float: true, clearance: 14pt, block(width: 100%, inset: (bottom: 5pt), stroke: (bottom: 1.5pt),',
    '    text(font: "Libre Franklin", weight: "bold", size: 18pt, title)))',
    '}',
    '#let headline(title) = block(above: 16pt, below: 4pt, sticky: true, {',
    '  set par(justify: false, leading: 2pt)',
    '  text(font: "Playfair Display", weight: "bold", size: 16pt, hyphenate: false, title)',
    '})',
    '#let byline(name) = block(below: 7pt, sticky: true, text(font: "Libre Franklin", size: 7pt, name))',
  ];
  for (const { id, title } of publication.sections) {
    const inSection = articles.filter((a) => a.section === id).sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
    if (inSection.length === 0) continue;
    out.push('', `#section(${typstString(title)})`);
    for (const article of inSection) out.push('', ...typstArticle(article));
  }
  return out.join('\n') + '\n';
}

function typstArticle(article: EditionArticle): string[] {
  const lines = [`#headline(${typstString(article.headline)})`, `#byline(${typstString(article.byline)})`];
  // A blank line between string literals ends one paragraph and starts the next.
  for (const paragraph of article.paragraphs) lines.push(`#${typstString(paragraph)}`, '');
  return lines;
}

/** What each run executes with plain Node: load Typst, compile, write the PDF. */
function childScript(compiler: string, fonts: string, main: string, pdf: string): string {
  return `import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const { NodeCompiler } = createRequire(import.meta.url)(${JSON.stringify(compiler)});
const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: [${JSON.stringify(fonts)}] }] });
const mainFileContent = readFileSync(${JSON.stringify(main)}, 'utf8');
const t = performance.now();
const compiled = compiler.compile({ mainFileContent });
const doc = compiled.result;
if (!doc) {
  compiled.printErrors();
  process.exit(1);
}
const pdf = compiler.pdf(doc);
const ms = performance.now() - t;
writeFileSync(${JSON.stringify(pdf)}, pdf);
const warnings = compiled.takeWarnings();
if (warnings) console.error(JSON.stringify(warnings.shortDiagnostics));
const [typst] = compiler.query(doc, { selector: '<typst-version>', field: 'value' });
console.log(JSON.stringify({ inProcessMs: ms, pages: doc.numOfPages, typst }));
`;
}

/** One timed Typst run: the whole process, the compile inside it, its pages and the Typst version. */
export interface TypstRun {
  readonly wallMs: number;
  readonly inProcessMs: number;
  readonly pages: number;
  readonly typst: string;
}

/** Prepares the compiler, fonts and document for `articles`; `run` times one fresh process. */
export async function typstRunner(articles: readonly EditionArticle[]): Promise<{ run(): TypstRun; dispose(): void }> {
  const compiler = compilerPackage();
  const root = mkdtempSync(join(tmpdir(), 'epaper-bench-typst-'));
  const fonts = join(root, 'fonts');
  await writeFonts(fonts);
  const publication = parse(readFileSync('editions/publication.yaml', 'utf8')) as Publication;
  const main = join(root, 'edition.typ');
  writeFileSync(main, typstDocument(articles, publication));
  const child = join(root, 'child.mjs');
  writeFileSync(child, childScript(compiler, fonts, main, join(root, 'edition.pdf')));
  return {
    run() {
      const start = performance.now();
      const output = execFileSync(process.execPath, [child], { encoding: 'utf8' });
      const wallMs = performance.now() - start;
      return { wallMs, ...(JSON.parse(output.trim().split('\n').pop()!) as Omit<TypstRun, 'wallMs'>) };
    },
    dispose() {
      if (!process.env['BENCH_KEEP']) rmSync(root, { recursive: true, force: true });
      else console.error(`kept ${root}`);
    },
  };
}
