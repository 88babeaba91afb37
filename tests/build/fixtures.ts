/**
 * Source fixtures for the build tests: a minimal valid edition written into
 * a temporary folder (each test then breaks one thing), tiny images made
 * from bytes, hashing of whole output trees, and the sample editions.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { load as parse } from 'js-yaml';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLE_EDITIONS = join(REPO, 'editions');

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `epaper-${prefix}-`));
}

export async function removeDir(dir: string | undefined): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------
// Images from bytes
// ---------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A solid-colour RGB PNG of `width` × `height` pixels. */
export function makePng(width: number, height: number, rgb: readonly [number, number, number] = [40, 90, 140]): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter, no interlace
  const raw = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    for (let x = 0; x < width; x++) raw.set(rgb, row + 1 + x * 3);
  }
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', new Uint8Array(deflateSync(raw))),
    chunk('IEND', new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A 1 × 1 GIF: a real image, but not one a PDF can embed as is. */
export const GIF_1X1 = new Uint8Array([
  0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x21, 0xf9, 0x04, 0x01, 0x00,
  0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b,
]);

// ---------------------------------------------------------------------------
// A minimal valid edition
// ---------------------------------------------------------------------------

export const FIXTURE_DATE = '2025-11-08';

export const PUBLICATION_YAML = `name: The Test Gazette
motto: "All the news that fits"
city: Testville
language: en-US
price: "$1.00"
page:
  width: 600
  height: 800
  margins: { top: 30, right: 30, bottom: 30, left: 30 }
  columns: 5
  gutter: 10
sections:
  - { id: news, title: News }
  - { id: sport, title: Sport }
adverts:
  - adverts/house.png
`;

export const EDITION_YAML = `volume: 3
issue: 41
label: Test Edition
`;

/** Line 2 is `headline:`, line 5 `image:`, line 6 its `file:`; the body starts on line 10. */
export const HARBOUR_MD = `---
headline: Harbour dredging starts a week early
section: news
priority: 8
image:
  file: images/photo.png
  caption: The dredger at work off the north quay.
  credit: Photo by A. Tester
---
The harbour board said on Friday that dredging of the north channel would start on Monday, a week earlier than planned, because the autumn storms have kept away.

## Work at night

Crews will work mostly at night, the board said, so that the ferries can keep their timetable during the day.
`;

export const MATCH_MD = `---
headline: Gulls win on a late goal
section: sport
byline: By T. Writer
---
The Gulls beat the Rovers 2–1 on Saturday with a goal in the last minute of the match, and stay top of the league.
`;

/**
 * Writes the minimal edition into `root`: `publication.yaml` with two
 * sections and one advert, and one edition folder with two articles, one
 * of them with a photo. Returns the edition folder.
 */
export async function writeMinimalEdition(root: string, date = FIXTURE_DATE): Promise<string> {
  await mkdir(join(root, 'adverts'), { recursive: true });
  await writeFile(join(root, 'publication.yaml'), PUBLICATION_YAML);
  await writeFile(join(root, 'adverts', 'house.png'), makePng(300, 100, [200, 30, 40]));
  return writeEditionFolder(root, date);
}

export async function writeEditionFolder(root: string, date: string): Promise<string> {
  const dir = join(root, date);
  await mkdir(join(dir, 'images'), { recursive: true });
  await writeFile(join(dir, 'edition.yaml'), EDITION_YAML);
  await writeFile(join(dir, 'harbour-dredging.md'), HARBOUR_MD);
  await writeFile(join(dir, 'gulls-win.md'), MATCH_MD);
  await writeFile(join(dir, 'images', 'photo.png'), makePng(30, 20));
  return dir;
}

// ---------------------------------------------------------------------------
// Output trees
// ---------------------------------------------------------------------------

export interface TreeEntry {
  readonly sha256: string;
  readonly bytes: number;
  readonly mtimeMs: number;
}

/** Every file under `dir` (hidden ones included) by relative path, with its hash, size and mtime. */
export async function hashTree(dir: string): Promise<Map<string, TreeEntry>> {
  const tree = new Map<string, TreeEntry>();
  const walk = async (folder: string): Promise<void> => {
    for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        tree.set(`${relative(dir, path)}/`, { sha256: '', bytes: 0, mtimeMs: 0 });
        await walk(path);
      } else {
        const bytes = await readFile(path);
        const info = await stat(path);
        tree.set(relative(dir, path), { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, mtimeMs: info.mtimeMs });
      }
    }
  };
  await walk(dir);
  return tree;
}

/** The tree without mtimes: what "byte for byte the same" compares. */
export function contentOf(tree: ReadonlyMap<string, TreeEntry>): Record<string, string> {
  return Object.fromEntries([...tree].map(([path, e]) => [path, e.sha256]));
}

// ---------------------------------------------------------------------------
// The sample editions
// ---------------------------------------------------------------------------

export interface SampleInput {
  /** Folder to build from: `editions/` itself, or a copy with missing images filled in. */
  readonly dir: string;
  /** Files that were missing and were filled in the copy (empty when `dir` is `editions/`). */
  readonly filled: readonly string[];
  readonly cleanup: () => Promise<void>;
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---/;

/** Image files the sample sources refer to, relative to `editions/`. */
export async function referencedImages(root = SAMPLE_EDITIONS): Promise<string[]> {
  const files: string[] = [];
  const publication = parse(await readFile(join(root, 'publication.yaml'), 'utf8')) as { adverts?: string[] };
  files.push(...(publication.adverts ?? []));
  for (const date of (await readdir(root)).filter((n) => /^\d{4}-\d{2}-\d{2}$/.test(n)).sort()) {
    for (const name of (await readdir(join(root, date))).filter((n) => n.endsWith('.md'))) {
      const match = FRONT_MATTER.exec((await readFile(join(root, date, name), 'utf8')).replace(/\r\n?/g, '\n'));
      const data = match ? (parse(match[1]!) as { image?: { file?: string } } | null) : null;
      if (data?.image?.file) files.push(join(date, data.image.file));
    }
  }
  return [...new Set(files)];
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function imagesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(jpe?g|png)$/i.test(entry.name)) out.push(join(entry.parentPath, entry.name));
  }
  return out.sort();
}

/**
 * The sample editions as a build input. While their photos and adverts are
 * still being generated, some files they name may be missing: then the
 * editions are copied to a temporary folder and each missing image is
 * filled with a copy of an existing one (same edition first). Once every
 * file exists, `editions/` itself is used.
 */
export async function sampleInput(): Promise<SampleInput> {
  const referenced = await referencedImages();
  const missing: string[] = [];
  for (const file of referenced) if (!(await exists(join(SAMPLE_EDITIONS, file)))) missing.push(file);
  if (missing.length === 0) return { dir: SAMPLE_EDITIONS, filled: [], cleanup: async () => {} };
  const copy = await tempDir('samples');
  const dir = join(copy, 'editions');
  await cp(SAMPLE_EDITIONS, dir, { recursive: true });
  const donors = await imagesUnder(dir);
  if (donors.length === 0) throw new Error('no JPEG or PNG in editions/ to fill the missing images with');
  for (const file of missing) {
    const target = join(dir, file);
    if (await exists(target)) continue; // written meanwhile, and copied with the rest
    const sameEdition = donors.find((d) => relative(dir, d).split('/')[0] === file.split('/')[0]);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, await readFile(sameEdition ?? donors[0]!));
  }
  return { dir, filled: missing, cleanup: () => removeDir(copy) };
}

/** The edition dates of the samples, oldest first. */
export async function sampleDates(root = SAMPLE_EDITIONS): Promise<string[]> {
  return (await readdir(root)).filter((n) => /^\d{4}-\d{2}-\d{2}$/.test(n)).sort();
}
