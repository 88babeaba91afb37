import 'fake-indexeddb/auto';
import { resolveObjectURL } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultStore, saveEdition, savedEditions } from '../../src/offline/index.js';
import { fileKey } from '../../src/offline/store.js';
import { openSaved } from '../../src/viewer/saved-source.js';
import { CATALOG_URL, fakeServer, memoryEdition } from '../offline/memory-edition.js';

const NOV_10 = memoryEdition('2025-11-10', 3, 1000, 1, { previews: true });
const MANIFEST_URL = new URL(NOV_10.entry.manifest, CATALOG_URL).href;
const resolve = (url: string) => new URL(url, MANIFEST_URL).href;
const previewUrl = (page: number) => resolve(NOV_10.manifest.pages[page - 1]!.preview!.url);

/** Resolves on the next call of the returned `onReady`, counting the calls. */
function readiness() {
  let calls = 0;
  let next = () => {};
  return {
    onReady: () => {
      calls++;
      next();
    },
    ready: () => new Promise<void>((r) => (next = r)),
    calls: () => calls,
  };
}

beforeEach(async () => {
  vi.stubGlobal('fetch', fakeServer(NOV_10).fetch);
  await saveEdition(CATALOG_URL, NOV_10.entry);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('opening a saved edition', () => {
  it('shows a stored preview through a blob: URL of its image, read when first asked for and given back on close', async () => {
    const [saved] = await savedEditions();
    const { onReady, ready } = readiness();
    const opened = openSaved(saved!, resolve, onReady);
    const arrived = ready();
    expect(opened.images.url(previewUrl(2)), 'nothing is read before it is asked for').toBeUndefined();
    await arrived;
    const url = opened.images.url(previewUrl(2))!;
    expect(url).toMatch(/^blob:/);
    const image = resolveObjectURL(url);
    expect([image?.type, image?.size]).toEqual(['image/webp', NOV_10.manifest.pages[1]!.preview!.bytes]);
    opened.close();
    expect(resolveObjectURL(url)).toBeUndefined();
  });

  it('has the front page’s preview at once: it comes with the saved record', async () => {
    const [saved] = await savedEditions();
    expect([saved!.cover?.type, saved!.cover?.size]).toEqual(['image/webp', NOV_10.manifest.pages[0]!.preview!.bytes]);
    const opened = openSaved(saved!, resolve, () => {});
    const url = opened.images.url(previewUrl(1));
    expect(url).toMatch(/^blob:/);
    expect(resolveObjectURL(url!)?.size).toBe(NOV_10.manifest.pages[0]!.preview!.bytes);
    opened.close();
  });

  it('reads the previews asked for in one task together, and answers with its own URL for an image it does not hold', async () => {
    const [saved] = await savedEditions();
    const { onReady, ready, calls } = readiness();
    const opened = openSaved(saved!, resolve, onReady);
    const arrived = ready();
    expect([opened.images.url(previewUrl(2)), opened.images.url(previewUrl(3))]).toEqual([undefined, undefined]);
    await arrived;
    await new Promise((r) => setTimeout(r, 0));
    expect(calls()).toBe(1);
    expect([opened.images.url(previewUrl(2)), opened.images.url(previewUrl(3))].every((u) => u?.startsWith('blob:'))).toBe(true);
    expect(opened.images.url('https://paper.test/elsewhere.webp')).toBe('https://paper.test/elsewhere.webp');
    opened.close();
  });

  it('answers with the image’s own URL when its stored copy is missing, so the viewer falls back to pdf.js', async () => {
    await defaultStore()('readwrite', (s) => {
      s.delete(fileKey('2025-11-10', NOV_10.manifest.pages[1]!.preview!.url));
      return new Promise((r) => (s.transaction.oncomplete = r));
    });
    const [saved] = await savedEditions();
    const { onReady, ready } = readiness();
    const opened = openSaved(saved!, resolve, onReady);
    const arrived = ready();
    opened.images.url(previewUrl(2));
    await arrived;
    expect(opened.images.url(previewUrl(2))).toBe(previewUrl(2));
    opened.close();
  });

  it('discards the saved copy when a stored preview no longer matches, and says so', async () => {
    await defaultStore()('readwrite', (s) => {
      s.put(new Blob([new Uint8Array(500)], { type: 'image/webp' }), fileKey('2025-11-10', NOV_10.manifest.pages[2]!.preview!.url));
      return new Promise((r) => (s.transaction.oncomplete = r));
    });
    const [saved] = await savedEditions();
    await new Promise<void>((damaged) => void openSaved(saved!, resolve, () => {}, damaged));
    expect(await savedEditions()).toEqual([]);
  });

  it('discards the saved copy when the record’s front-page preview no longer matches', async () => {
    const [saved] = await savedEditions();
    const damaged = { ...saved!, cover: new Blob([new Uint8Array(300)], { type: 'image/webp' }) };
    await new Promise<void>((told) => void openSaved(damaged, resolve, () => {}, told));
    expect(await savedEditions()).toEqual([]);
  });

  it('keeps an intact saved copy', async () => {
    const [saved] = await savedEditions();
    let told = false;
    const opened = openSaved(saved!, resolve, () => {}, () => (told = true));
    // The check runs when idle: give it every stored preview's turn.
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
    expect(told).toBe(false);
    expect((await savedEditions()).map((e) => e.date)).toEqual(['2025-11-10']);
    opened.close();
  });
});
