import { execFile } from 'node:child_process';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/build/build.js';
import { commitEditions } from '../../src/build/output.js';
import { loadAssets, type BuildAssets } from '../../src/build/edition.js';
import { SourceError } from '../../src/build/errors.js';
import type { Catalog } from '../../src/manifest/types.js';
import { contentOf, hashTree, HARBOUR_MD, makePng, REPO, removeDir, sampleInput, tempDir, writeEditionFolder, writeMinimalEdition, type SampleInput } from './fixtures.js';

const run = promisify(execFile);
const TSX = join(REPO, 'node_modules', '.bin', 'tsx');
const CLI = join(REPO, 'scripts', 'epaper.ts');

let assets: BuildAssets;
let root: string;
let input: string;
let out: string;
let log: string[];

const options = (extra: Partial<BuildOptions> = {}): BuildOptions => ({
  input,
  out,
  strict: false,
  check: false,
  log: (line) => log.push(line),
  cwd: root,
  ...extra,
});

beforeAll(async () => {
  assets = await loadAssets('en-US');
});

/** A fresh input with two editions, built once into `out`. */
beforeEach(async () => {
  root = await tempDir('atomic');
  input = join(root, 'editions');
  out = join(root, 'out');
  await writeMinimalEdition(input, '2025-11-08');
  await writeEditionFolder(input, '2025-11-09');
  log = [];
  await build(options(), assets);
  log = [];
});

afterEach(async () => {
  await removeDir(root);
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the build to fail');
    },
    (e: unknown) => e,
  );
}

describe('a build of bad input over an existing output folder', () => {
  it('fails with the SourceError and leaves every file byte for byte as it was', async () => {
    const before = await hashTree(out);
    await writeFile(join(input, '2025-11-09', 'harbour-dredging.md'), HARBOUR_MD.replace('section: news', 'section: weather'));
    const error = await rejection(build(options(), assets));
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ file: 'editions/2025-11-09/harbour-dredging.md', line: 3, field: 'section' });
    const after = await hashTree(out);
    expect(contentOf(after)).toEqual(contentOf(before));
    expect(after).toEqual(before); // mtimes too: nothing was rewritten
  });

  it('does not update a good edition when another edition of the same build is bad', async () => {
    const before = await hashTree(out);
    // 2025-11-08 changes validly, 2025-11-09 loses its photo: all or nothing.
    await writeFile(join(input, '2025-11-08', 'harbour-dredging.md'), HARBOUR_MD.replace('a week early', 'eight days early'));
    await rm(join(input, '2025-11-09', 'images', 'photo.png'));
    const error = await rejection(build(options(), assets));
    expect(error).toMatchObject({ field: 'image.file' });
    expect(contentOf(await hashTree(out))).toEqual(contentOf(before));
  });

  it('with --strict and hard-rule findings: refuses and writes nothing', async () => {
    const before = await hashTree(out);
    // One word far wider than a column: it can only be set overfull or split.
    const wide = `${HARBOUR_MD}\nThe ${'Wide'.repeat(30)} word.\n`;
    await writeFile(join(input, '2025-11-08', 'harbour-dredging.md'), wide);
    const result = await build(options({ check: true }), assets);
    expect(result.errors).toBeGreaterThan(0); // the split of the wide word is a hard-rule finding
    const error = await rejection(build(options({ strict: true }), assets));
    expect(error).toMatchObject({ field: '--strict' });
    expect(contentOf(await hashTree(out))).toEqual(contentOf(before));
  });

  it('from the command line: exits 1, prints file, line and field on stderr, and leaves the folder as it was', async () => {
    const before = await hashTree(out);
    await writeFile(join(input, '2025-11-09', 'gulls-win.md'), '---\nsection: sport\n---\nNo headline here.\n');
    const result = await run(TSX, [CLI, 'build', '--in', input, '--out', out], { cwd: REPO }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^epaper: .*editions\/2025-11-09\/gulls-win\.md:2 \(headline\): missing required field "headline"/);
    expect(contentOf(await hashTree(out))).toEqual(contentOf(before));
  }, 60_000);
});

describe('a commit whose write fails half-way', () => {
  it('rejects, and leaves every file of the output folder as it was, no staging folder behind', async () => {
    const before = await hashTree(out);
    const files = new Map<string, Uint8Array>([
      ['page-01.pdf', new Uint8Array([37, 80, 68, 70])],
      // A name in a folder that does not exist: the second write fails.
      ['missing-folder/page-02.pdf', new Uint8Array([37, 80, 68, 70])],
    ]);
    const staged = { date: '2025-11-09', files, manifest: JSON.parse(await readFile(join(out, '2025-11-09', 'edition.json'), 'utf8')), qa: {}, inputHash: 'x' };
    const error = await rejection(commitEditions(out, [staged]));
    expect((error as NodeJS.ErrnoException).code).toBe('ENOENT');
    expect(await hashTree(out)).toEqual(before);
  });
});

describe('a rebuild', () => {
  it('with unchanged inputs skips every edition, says so, and touches no file', async () => {
    const before = await hashTree(out);
    const result = await build(options(), assets);
    expect(result).toMatchObject({ built: [], skipped: ['2025-11-08', '2025-11-09'], errors: 0 });
    expect(log).toEqual(['2025-11-08  unchanged, skipped', '2025-11-09  unchanged, skipped']);
    expect(await hashTree(out)).toEqual(before);
  });

  it('rebuilds only the edition whose input changed; the other keeps its files, bytes and mtimes', async () => {
    const before = await hashTree(out);
    await new Promise((r) => setTimeout(r, 20));
    await writeFile(join(input, '2025-11-09', 'gulls-win.md'), (await readFile(join(input, '2025-11-09', 'gulls-win.md'), 'utf8')).replace('late goal', 'late, late goal'));
    const result = await build(options(), assets);
    expect(result).toMatchObject({ built: ['2025-11-09'], skipped: ['2025-11-08'] });
    const after = await hashTree(out);
    for (const [path, entry] of before) if (path.startsWith('2025-11-08/')) expect(after.get(path), path).toEqual(entry);
    expect(after.get('2025-11-09/edition.json')!.sha256).not.toBe(before.get('2025-11-09/edition.json')!.sha256);
    const manifest = JSON.parse(await readFile(join(out, '2025-11-09', 'edition.json'), 'utf8')) as { articles: { headline: string }[] };
    expect(manifest.articles.map((a) => a.headline)).toContain('Gulls win on a late, late goal');
    // The catalog names the new manifest's hash; no stale PDFs stay behind.
    const catalog = JSON.parse(await readFile(join(out, 'index.json'), 'utf8')) as Catalog;
    expect(catalog.editions.find((e) => e.date === '2025-11-09')!.sha256).toBe(after.get('2025-11-09/edition.json')!.sha256);
    const pdfs = [...after.keys()].filter((p) => p.startsWith('2025-11-09/') && p.endsWith('.pdf'));
    const named = (manifest as unknown as { pdf: { url: string }; pages: { pdf: { url: string } }[] });
    expect(pdfs.sort()).toEqual([named.pdf.url, ...named.pages.map((p) => p.pdf.url)].map((u) => `2025-11-09/${u}`).sort());
  });

  it('after an advert changed rebuilds every edition', async () => {
    await writeFile(join(input, 'adverts', 'house.png'), makePng(300, 120, [10, 120, 40]));
    const result = await build(options(), assets);
    expect(result).toMatchObject({ built: ['2025-11-08', '2025-11-09'], skipped: [] });
  });

  it('with force rebuilds unchanged editions, to the same bytes', async () => {
    const before = contentOf(await hashTree(out));
    const result = await build(options({ force: true }), assets);
    expect(result.built).toEqual(['2025-11-08', '2025-11-09']);
    expect(contentOf(await hashTree(out))).toEqual(before);
  });

  it('in check mode writes nothing, not even a new output folder', async () => {
    const fresh = join(root, 'never-written');
    const result = await build(options({ out: fresh, check: true }), assets);
    expect(result.built).toEqual(['2025-11-08', '2025-11-09']);
    await expect(stat(fresh)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('the sample editions built twice into two folders', () => {
  let samples: SampleInput;
  let work: string;

  beforeAll(async () => {
    samples = await sampleInput();
    work = await tempDir('twice');
  });

  afterAll(async () => {
    await removeDir(work);
    await samples?.cleanup();
  });

  it('give byte-identical files, in this process and from the command line', async () => {
    const a = join(work, 'a');
    const b = join(work, 'b');
    await build({ input: samples.dir, out: a, strict: false, check: false, log: () => {}, cwd: REPO });
    await run(TSX, [CLI, 'build', '--in', samples.dir, '--out', b], { cwd: REPO, maxBuffer: 1 << 24 });
    const first = contentOf(await hashTree(a));
    expect(Object.keys(first).filter((p) => p.endsWith('.pdf')).length).toBeGreaterThan(10);
    expect(contentOf(await hashTree(b))).toEqual(first);
  }, 120_000);
});
