import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Catalog, CatalogEntry, EditionManifest } from '../manifest/types.js';
import { readBytes, type ReadBytes } from './read-bytes.js';

/**
 * Writing the output folder so that a failed build changes nothing: every
 * edition is written to a temporary folder beside its final place and
 * renamed into place only after all editions succeeded.
 */
export interface StagedEdition {
  readonly date: string;
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly manifest: EditionManifest;
  readonly qa: unknown;
  readonly inputHash: string;
}

const INPUT_HASH_FILE = 'inputs.sha256';

/** The input hash a previous build stored for this edition, if any. */
export async function storedInputHash(out: string, date: string): Promise<string | undefined> {
  try {
    return (await readFile(join(out, date, INPUT_HASH_FILE), 'utf8')).trim();
  } catch {
    return undefined;
  }
}

/** Hash of every input file of an edition plus the build's own version. */
export async function inputHash(paths: readonly string[], version: string, read: ReadBytes = readBytes): Promise<string> {
  const sorted = [...paths].sort();
  // Read all at once (the reads overlap in libuv's pool), hash in path order.
  const contents = await Promise.all(sorted.map((path) => read(path)));
  const hash = createHash('sha256').update(version);
  sorted.forEach((path, i) => hash.update(path).update('\0').update(contents[i]!).update('\0'));
  return hash.digest('hex');
}

export const manifestBytes = (manifest: EditionManifest): Uint8Array => new TextEncoder().encode(`${JSON.stringify(manifest, null, 1)}\n`);

/**
 * Moves staged editions into `out` and rewrites the catalog from every
 * edition present. Each edition folder is swapped by rename.
 */
export async function commitEditions(out: string, staged: readonly StagedEdition[]): Promise<void> {
  await mkdir(out, { recursive: true });
  const token = `${process.pid}-${Date.now()}`;
  const temps: { date: string; temp: string }[] = [];
  try {
    for (const edition of staged) {
      const temp = join(out, `.staging-${edition.date}-${token}`);
      await mkdir(temp, { recursive: true });
      // Listed before it is written, so that a failed write removes it too.
      temps.push({ date: edition.date, temp });
      // Written all at once: the writes overlap in libuv's pool. Every write
      // is waited for, failed or not, before the folder may be removed.
      const writes = await Promise.allSettled([
        ...[...edition.files].map(([name, bytes]) => writeFile(join(temp, name), bytes)),
        writeFile(join(temp, 'edition.json'), manifestBytes(edition.manifest)),
        writeFile(join(temp, 'qa.json'), `${JSON.stringify(edition.qa, null, 1)}\n`),
        writeFile(join(temp, INPUT_HASH_FILE), `${edition.inputHash}\n`),
      ]);
      const failed = writes.find((write) => write.status === 'rejected');
      if (failed) throw failed.reason;
    }
  } catch (error) {
    for (const { temp } of temps) await rm(temp, { recursive: true, force: true });
    throw error;
  }
  for (const { date, temp } of temps) {
    const final = join(out, date);
    const old = join(out, `.old-${date}-${token}`);
    const existed = await exists(final);
    if (existed) await rename(final, old);
    await rename(temp, final);
    if (existed) await rm(old, { recursive: true, force: true });
  }
  await writeCatalog(out);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Rewrites `index.json` from the editions in `out`, newest first. */
export async function writeCatalog(out: string): Promise<Catalog> {
  const entries: CatalogEntry[] = [];
  for (const name of (await readdir(out)).sort().reverse()) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(name)) continue;
    let bytes: Buffer;
    try {
      bytes = await readFile(join(out, name, 'edition.json'));
    } catch {
      continue;
    }
    const manifest = JSON.parse(bytes.toString('utf8')) as EditionManifest;
    entries.push({
      date: manifest.date,
      title: manifest.title,
      pages: manifest.pages.length,
      manifest: `${name}/edition.json`,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  const catalog: Catalog = { editions: entries };
  const temp = join(out, `.index-${process.pid}.json`);
  await writeFile(temp, `${JSON.stringify(catalog, null, 1)}\n`);
  await rename(temp, join(out, 'index.json'));
  return catalog;
}
