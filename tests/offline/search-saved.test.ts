import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/manifest/types.js';
import { saveEdition, savedEditions } from '../../src/offline/index.js';
import { buildLibraryIndex, searchLibrary } from '../../src/viewer/search.js';
import { article } from '../helpers/articles.js';
import { CATALOG_URL, fakeServer, memoryEdition } from './memory-edition.js';

/** A front-page story on `page`. */
function story(id: string, headline: string, body: string, page: number): Article {
  return article(id, headline, body, { section: 'front', placements: [{ page, boxes: [[0, 0, 10, 10]] }] });
}

const NOV_10 = memoryEdition('2025-11-10', 3, 1000, 1, { articles: [story('fares', 'Ferry fares to rise', 'The ferry board voted for dearer crossings.', 1)] });
const NOV_09 = memoryEdition('2025-11-09', 3, 1000, 1, {
  articles: [
    story('gale', 'Gale warning tonight', 'The last ferry may leave at six.', 1),
    story('market', 'Market hall reopens', 'We sold out of oysters by noon, said a stallholder.', 2),
  ],
});

beforeEach(() => {
  vi.stubGlobal('fetch', fakeServer(NOV_10, NOV_09).fetch);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('searching the saved editions', () => {
  it('finds stories in the saved manifests with no network, naming the edition and page', async () => {
    const store = createStore('epaper-search-test', 'files');
    await saveEdition(CATALOG_URL, NOV_10.entry, {}, store);
    await saveEdition(CATALOG_URL, NOV_09.entry, {}, store);
    // No network from here: every request fails.
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const library = buildLibraryIndex((await savedEditions(store)).map((e) => e.manifest));
    expect(searchLibrary(library, 'oysters')).toMatchObject([{ date: '2025-11-09', id: 'market', page: 2, headline: 'Market hall reopens' }]);
    expect(searchLibrary(library, 'ferry').map((h) => [h.date, h.id])).toEqual([
      ['2025-11-10', 'fares'],
      ['2025-11-09', 'gale'],
    ]);
  });
});
