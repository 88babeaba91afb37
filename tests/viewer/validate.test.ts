import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ShapeError, checkCatalog, checkManifest } from '../../src/viewer/validate.js';
import { writeFixture } from './fixtures/make-edition.js';

let catalog: unknown;
let manifest: Record<string, unknown>;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'epaper-viewer-'));
  await writeFixture(dir, { previews: false });
  catalog = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'));
  manifest = JSON.parse(await readFile(join(dir, '2025-11-10', 'edition.json'), 'utf8'));
});

function without(path: (m: Record<string, unknown>) => void): unknown {
  const copy = structuredClone(manifest);
  path(copy);
  return copy;
}

describe('checkCatalog', () => {
  it('accepts the catalog the fixture build writes', () => {
    expect(checkCatalog(catalog)).toBe(catalog);
  });

  it('rejects a catalog without editions, naming the field', () => {
    expect(() => checkCatalog({ editions: [] })).toThrow(new ShapeError('editions', 'a list with at least one edition'));
    expect(() => checkCatalog([])).toThrow(/catalog should be an object/);
    expect(() => checkCatalog({ editions: [{ date: '10 Nov', title: 'x', manifest: 'y' }] })).toThrow(/editions\[0\]\.date should be a date/);
  });
});

describe('checkManifest', () => {
  it('accepts the manifest the fixture build writes', () => {
    expect(checkManifest(manifest)).toBe(manifest);
  });

  it('rejects another format', () => {
    expect(() => checkManifest({ ...manifest, format: 2 })).toThrow(/^format should be 1/);
  });

  it('names the first wrong field', () => {
    expect(() => checkManifest(without((m) => delete (m.pages as Record<string, unknown>[])[2]!.pdf))).toThrow('pages[2].pdf should be an object');
    expect(() => checkManifest(without((m) => ((m.pages as Record<string, unknown>[])[0]!.number = 7)))).toThrow('pages[0].number should be 1');
    expect(() =>
      checkManifest(without((m) => (((m.articles as Record<string, unknown>[])[0]!.placements as Record<string, unknown>[])[0]!.boxes = [[1, 2, 3]]))),
    ).toThrow('articles[0].placements[0].boxes[0] should be a box [x, y, width, height]');
  });
});
