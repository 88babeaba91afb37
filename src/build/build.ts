import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LayoutError } from '../layout/paginate.js';
import { checkCoverage } from './coverage.js';
import { buildEdition, loadAssets, type BuildAssets } from './edition.js';
import { displayPath, SourceError } from './errors.js';
import { commitEditions, inputHash, storedInputHash, type StagedEdition } from './output.js';
import { listEditionDates, readEdition, readPublication } from './source.js';
import { readOnce } from './read-bytes.js';

export interface BuildOptions {
  readonly input: string;
  readonly out: string;
  readonly date?: string;
  /** Fail when the layout QA finds a broken hard rule. */
  readonly strict: boolean;
  /** Validate and lay out only; write nothing. */
  readonly check: boolean;
  /** Rebuild even editions whose inputs did not change. */
  readonly force?: boolean;
  /** Render a preview image of every page for the viewer (default true). */
  readonly previews?: boolean;
  readonly log: (line: string) => void;
  readonly cwd?: string;
}

export interface BuildResult {
  readonly built: readonly string[];
  readonly skipped: readonly string[];
  readonly errors: number;
}

/** Bumped when the build's output changes for the same input, so stored hashes go stale. */
export const BUILD_VERSION = 'epaper-build-4';

/** Builds the editions under `input` into `out`: all or nothing. */
export async function build(options: BuildOptions, assets?: BuildAssets): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  // Every input is read once: for the edition's input hash and for its content.
  const read = readOnce();
  const publication = await readPublication(options.input, cwd, read);
  let dates = await listEditionDates(options.input, cwd);
  if (options.date) {
    if (!dates.includes(options.date)) {
      throw new SourceError(displayPath(cwd, join(options.input, options.date)), undefined, '--date', `no edition folder for ${options.date}`);
    }
    dates = [options.date];
  }
  const shared = assets ?? (await loadAssets(publication.language));
  const previews = options.previews ?? true;
  const staged: StagedEdition[] = [];
  const skipped: string[] = [];
  let errors = 0;
  const pubFiles = [join(options.input, 'publication.yaml'), ...publication.adverts.map((a) => join(options.input, a.key.replace(/^advert:/, '')))];
  // Read and check every edition first, so bad input stops the build before any work.
  const pending: { date: string; hash: string; source: Awaited<ReturnType<typeof readEdition>> }[] = [];
  for (const date of dates) {
    const files = await editionFiles(join(options.input, date));
    const hash = await inputHash([...pubFiles, ...files], `${BUILD_VERSION}${previews ? '+previews' : ''}`, read);
    if (!options.check && !options.force && (await storedInputHash(options.out, date)) === hash) {
      options.log(`${date}  unchanged, skipped`);
      skipped.push(date);
      continue;
    }
    const source = await readEdition(options.input, date, publication, cwd, read);
    for (const article of source.articles) await checkCoverage(article, shared.context.fonts);
    pending.push({ date, hash, source });
  }
  for (const { date, hash, source } of pending) {
    const started = performance.now();
    const edition = await buildEdition(source, publication, shared, { previews }).catch((error: unknown) => {
      if (error instanceof LayoutError) {
        const article = source.articles.find((a) => a.id === error.article);
        throw new SourceError(article?.file ?? date, undefined, undefined, error.message);
      }
      throw error;
    });
    const hard = edition.qa.findings.filter((f) => f.severity === 'error');
    errors += hard.length;
    const s = edition.qa.stats;
    const pct = (n: number) => (s.justifiedLines ? ((100 * n) / s.justifiedLines).toFixed(1) : '0.0');
    options.log(
      `${date}  ${edition.manifest.pages.length} pages, ${source.articles.length} articles, ` +
        `${s.lines} lines: ${pct(s.looseLines)}% loose, ${s.rivers} rivers, ${hard.length} hard-rule findings` +
        `  (${Math.round(performance.now() - started)} ms: layout ${Math.round(edition.timings.layoutMs)}, ` +
        `PDFs ${Math.round(edition.timings.pdfMs)}, rest ${Math.round(edition.timings.restMs)})`,
    );
    for (const finding of hard) options.log(`  ${finding.code}: page ${finding.page}, ${finding.article}, column ${finding.column}, line ${finding.line}: ${finding.text}`);
    staged.push({ date, files: edition.files, manifest: edition.manifest, qa: edition.qa, inputHash: hash });
  }
  if (options.strict && errors > 0) {
    throw new SourceError(options.input, undefined, '--strict', `layout QA found ${errors} hard-rule finding(s); nothing was written`);
  }
  if (!options.check && staged.length > 0) await commitEditions(options.out, staged);
  return { built: staged.map((s) => s.date), skipped, errors };
}

async function editionFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name));
  }
  return out;
}
