/**
 * The edition build as a library: what the `epaper` command does, for a
 * newsroom's own scripts (`import { build, check } from 'epaper/build'`).
 *
 * ```ts
 * const result = await build({ input: 'editions', out: 'site/editions' });
 * // { built: ['2025-11-10'], skipped: ['2025-11-08', '2025-11-09'], errors: 0 }
 * ```
 *
 * Bad input rejects with a `SourceError` naming the file, line and field, and
 * leaves `out` exactly as it was. Node only (it reads fonts and writes files).
 */
import { build as buildEditions, type BuildResult } from './build.js';

export { BUILD_VERSION, type BuildResult } from './build.js';
export { SourceError } from './errors.js';
export { PreviewError, renderPagePreview, type PreviewImage, type PreviewOptions } from './render-preview.js';

export interface CheckOptions {
  /** Folder with `publication.yaml` and the edition folders `YYYY-MM-DD/`. Default `editions`. */
  readonly input?: string;
  /** Only the edition of this date (`YYYY-MM-DD`). Default: every edition folder. */
  readonly date?: string;
  /** Reject when the layout QA finds an overfull line, a widow, an orphan or three hyphenated lines in a row. Default `false`. */
  readonly strict?: boolean;
  /** Receives a line per edition (pages, articles, lines, loose lines, rivers, timings). Default: nothing is logged. */
  readonly log?: (line: string) => void;
  /** Folder that file names in messages are relative to. Default `process.cwd()`. */
  readonly cwd?: string;
}

export interface BuildOptions extends CheckOptions {
  /** Output folder: `index.json` and a folder per edition. Default `dist/editions`. */
  readonly out?: string;
  /** Rebuild editions whose inputs did not change. Default `false`. */
  readonly force?: boolean;
  /** Render a preview image of every page for the viewer. Default `true`. */
  readonly previews?: boolean;
}

/**
 * Lays out every edition under `input` and writes its PDFs, manifest, previews
 * and QA report into `out`, then the catalog `index.json`: all editions or none.
 * Editions whose inputs did not change are skipped unless `force`.
 */
export function build(options: BuildOptions = {}): Promise<BuildResult> {
  return buildEditions({
    input: options.input ?? 'editions',
    out: options.out ?? 'dist/editions',
    strict: options.strict ?? false,
    check: false,
    force: options.force ?? false,
    previews: options.previews ?? true,
    log: options.log ?? (() => {}),
    ...(options.date !== undefined ? { date: options.date } : {}),
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
  });
}

/**
 * Reads, validates and lays out the editions under `input` without writing
 * anything. `built` lists the editions checked; `errors` counts hard-rule
 * findings (rejects instead when `strict`).
 */
export function check(options: CheckOptions = {}): Promise<BuildResult> {
  return buildEditions({
    input: options.input ?? 'editions',
    out: '',
    strict: options.strict ?? false,
    check: true,
    previews: false,
    log: options.log ?? (() => {}),
    ...(options.date !== undefined ? { date: options.date } : {}),
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
  });
}
