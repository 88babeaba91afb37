import 'fake-indexeddb/auto';
import { resolveObjectURL } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultStore, saveEdition, savedEditions } from '../../src/offline/index.js';
import { fileKey } from '../../src/offline/store.js';
import { openSaved } from '../../src/viewer/saved-source.js';
import { CATALOG_URL, fakeServer, memoryEdition } from '../offline/memory-edition.js';

const NOV_10 = memoryEdition('2025-11-10', 3, 1000, 1, { previews: true });

beforeEach(async () => {
  vi.stubGlobal('fetch', fakeServer(NOV_10).fetch);
  await saveEdition(CATALOG_URL, NOV_10.entry);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('opening a saved edition', () => {
  it('shows each stored preview through a blob: URL of its image, given back on close', async () => {
    const [saved] = await savedEditions();
    const opened = await openSaved(saved!);
    const urls = opened.manifest.pages.map((p) => p.preview?.url);
    expect(urls.every((url) => url?.startsWith('blob:'))).toBe(true);
    const image = resolveObjectURL(urls[1]!);
    expect([image?.type, image?.size]).toEqual(['image/webp', NOV_10.manifest.pages[1]!.preview!.bytes]);
    opened.close();
    expect(resolveObjectURL(urls[1]!)).toBeUndefined();
  });

  it('discards the saved copy when a stored preview no longer matches, and says so', async () => {
    await defaultStore()('readwrite', (s) => {
      s.put(new Blob([new Uint8Array(500)], { type: 'image/webp' }), fileKey('2025-11-10', NOV_10.manifest.pages[2]!.preview!.url));
      return new Promise((resolve) => (s.transaction.oncomplete = resolve));
    });
    const [saved] = await savedEditions();
    const damaged = new Promise<void>((resolve) => void openSaved(saved!, resolve));
    await damaged;
    expect(await savedEditions()).toEqual([]);
  });

  it('keeps an intact saved copy', async () => {
    const [saved] = await savedEditions();
    let told = false;
    const opened = await openSaved(saved!, () => (told = true));
    // The check runs when idle: give it every stored preview's turn.
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(told).toBe(false);
    expect((await savedEditions()).map((e) => e.date)).toEqual(['2025-11-10']);
    opened.close();
  });
});
