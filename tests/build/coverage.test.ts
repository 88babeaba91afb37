/**
 * A character none of the paper's faces has would print as a blank or a
 * box: the build refuses it before laying anything out, naming the file,
 * the line and the field.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkCoverage } from '../../src/build/coverage.js';
import { loadAssets, type BuildAssets } from '../../src/build/edition.js';
import { SourceError } from '../../src/build/errors.js';
import { readEdition, readPublication } from '../../src/build/source.js';
import { FIXTURE_DATE, HARBOUR_MD, removeDir, tempDir, writeMinimalEdition } from './fixtures.js';

let assets: BuildAssets;
let root: string;
let dir: string;
const ARTICLE = `${FIXTURE_DATE}/harbour-dredging.md`;

beforeAll(async () => {
  assets = await loadAssets('en-US');
});
beforeEach(async () => {
  root = await tempDir('coverage');
  dir = await writeMinimalEdition(root);
});
afterEach(async () => {
  await removeDir(root);
});

/** Checks every article of the fixture edition; the SourceError it throws, or undefined. */
async function check(): Promise<SourceError | undefined> {
  const edition = await readEdition(root, FIXTURE_DATE, await readPublication(root, root), root);
  try {
    for (const article of edition.articles) await checkCoverage(article, assets.context.fonts);
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return error as SourceError;
  }
  return undefined;
}

describe('characters the fonts lack', () => {
  it('in the body: an error on the line where it stands, naming it and its code point', async () => {
    await writeFile(join(dir, 'harbour-dredging.md'), HARBOUR_MD.replace('Crews will work', 'Crews (船员) will work'));
    const error = await check();
    expect({ file: error?.file, line: error?.line, field: error?.field }).toEqual({ file: ARTICLE, line: 14, field: 'body' });
    expect(error?.message).toMatch(/the character "船" \(U\+8239\) is in none of the paper's fonts/);
  });

  it('beyond the Basic Multilingual Plane, in a headline: named whole, not as half a surrogate pair', async () => {
    await writeFile(join(dir, 'harbour-dredging.md'), HARBOUR_MD.replace('Harbour dredging', 'Harbour 🚂 dredging'));
    const error = await check();
    expect({ line: error?.line, field: error?.field }).toEqual({ line: 2, field: 'headline' });
    expect(error?.message).toMatch(/"🚂" \(U\+1F682\)/);
  });

  it('but not Latin Extended letters, which the fallback faces print', async () => {
    await writeFile(join(dir, 'harbour-dredging.md'), HARBOUR_MD.replace('Crews will work', 'Crews from Gdańsk, Toruń and Łódź will work'));
    expect(await check()).toBeUndefined();
  });

  it('every time it is met, not only the first', async () => {
    await writeFile(join(dir, 'harbour-dredging.md'), HARBOUR_MD.replace('Crews will work', 'Crews (船员) will work'));
    expect((await check())?.field).toBe('body');
    expect((await check())?.field).toBe('body');
  });
});
