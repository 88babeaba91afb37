import { describe, expect, it } from 'vitest';
import { buildIndex, buildLibraryIndex, fold, queryTerms, search, searchLibrary } from '../../src/viewer/search.js';
import { article } from '../helpers/articles.js';

const ARTICLES = [
  article('ferry', 'Ferry fares to rise', 'A single crossing will cost more from January. The ferry board voted.', { deck: 'Commuters weigh the bus' }),
  article('cafe', 'A café reopens on the quay', 'The Café Naïve serves coffee to ferry riders again.', { placements: [{ page: 3, boxes: [] }] }),
  article('budget', 'Council budget', 'The budget leaves the parks fund flat. Ferrymen object.', { placements: [{ page: 2, boxes: [] }] }),
];
const index = buildIndex({ articles: ARTICLES });

describe('fold', () => {
  it('lowers case and drops accents, remembering where each character came from', () => {
    const f = fold('Café Naïve');
    expect(f.folded).toBe('cafe naive');
    expect(f.origin[3]).toBe(3);
    expect(f.origin.at(-1)).toBe('Café Naïve'.length);
  });
});

describe('queryTerms', () => {
  it('splits on anything but letters and digits, once per word', () => {
    expect(queryTerms('  Ferry, FERRY fares!  ')).toEqual(['ferry', 'fares']);
    expect(queryTerms('—')).toEqual([]);
  });
});

describe('search', () => {
  it('finds words from their start, ignoring case and accents', () => {
    expect(search(index, 'cafe').map((h) => h.id)).toEqual(['cafe']);
    expect(search(index, 'NAIVE').map((h) => h.id)).toEqual(['cafe']);
    expect(search(index, 'cross').map((h) => h.id)).toEqual(['ferry']);
  });

  it('does not match inside a word', () => {
    expect(search(index, 'erry').map((h) => h.id)).toEqual([]);
  });

  it('needs every word of the query', () => {
    expect(search(index, 'ferry bus').map((h) => h.id)).toEqual(['ferry']);
    expect(search(index, 'ferry zeppelin')).toEqual([]);
  });

  it('ranks a headline match above a body match', () => {
    expect(search(index, 'ferry').map((h) => h.id)).toEqual(['ferry', 'budget', 'cafe']);
  });

  it('gives each hit its starting page and headline', () => {
    const [hit] = search(index, 'coffee');
    expect(hit).toMatchObject({ id: 'cafe', headline: 'A café reopens on the quay', page: 3 });
  });

  it('returns nothing for an empty query', () => {
    expect(search(index, '   ')).toEqual([]);
  });

  it('honours the limit', () => {
    expect(search(index, 'the', 1)).toHaveLength(1);
  });
});

describe('a hit’s snippet', () => {
  it('shows the original text around the match, with the matches marked', () => {
    const [hit] = search(index, 'cafe riders');
    const text = hit!.snippet.map((s) => s.text).join('');
    expect(text).toContain('The Café Naïve serves coffee to ferry riders again.');
    expect(hit!.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['Café', 'riders']);
  });

  it('is cut at word boundaries and says so when it is cut', () => {
    const long = article('long', 'Long', `${'word '.repeat(40)}harbour ${'word '.repeat(40)}`);
    const [hit] = search(buildIndex({ articles: [long] }), 'harbour');
    expect(hit!.clippedStart).toBe(true);
    expect(hit!.clippedEnd).toBe(true);
    const text = hit!.snippet.map((s) => s.text).join('');
    expect(text.startsWith('word')).toBe(true);
    expect(text.trimEnd().endsWith('word')).toBe(true);
  });

  it('is empty when only the headline matched', () => {
    const [hit] = search(index, 'council');
    expect(hit!.snippet).toEqual([]);
  });
});

describe('searchLibrary (several editions at once)', () => {
  const library = buildLibraryIndex([
    { date: '2025-11-09', articles: [article('gale', 'Gale warning', 'The last ferry may leave at six.', { placements: [{ page: 2, boxes: [] }] })] },
    { date: '2025-11-10', articles: ARTICLES },
  ]);

  it('finds stories in every edition and says which edition each is from', () => {
    expect(searchLibrary(library, 'last ferry')).toMatchObject([{ date: '2025-11-09', id: 'gale', page: 2, headline: 'Gale warning' }]);
  });

  it('ranks by score across editions, the newer edition first among equals', () => {
    const twin = buildLibraryIndex([
      { date: '2025-11-09', articles: [article('a', 'Harbour', 'Quay')] },
      { date: '2025-11-10', articles: [article('b', 'Harbour', 'Quay')] },
    ]);
    expect(searchLibrary(twin, 'harbour').map((h) => h.date)).toEqual(['2025-11-10', '2025-11-09']);
    expect(searchLibrary(library, 'ferry').map((h) => `${h.date} ${h.id}`)).toEqual(['2025-11-10 ferry', '2025-11-10 budget', '2025-11-10 cafe', '2025-11-09 gale']);
  });

  it('honours the limit over all editions', () => {
    expect(searchLibrary(library, 'ferry', 2)).toHaveLength(2);
  });
});
