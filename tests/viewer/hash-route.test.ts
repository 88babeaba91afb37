import { describe, expect, it } from 'vitest';
import { formatHash, parseHash, sameRoute } from '../../src/viewer/hash-route.js';

describe('parseHash of a fragment the viewer wrote', () => {
  it('reads a date as that edition', () => {
    expect(parseHash('#2025-11-10')).toEqual({ kind: 'edition', date: '2025-11-10' });
  });

  it('reads /p/<n> as a page', () => {
    expect(parseHash('#2025-11-10/p/3')).toEqual({ kind: 'page', date: '2025-11-10', page: 3 });
  });

  it('reads /a/<id> as an article, decoding it', () => {
    expect(parseHash('#2025-11-10/a/ferry-fares')).toEqual({ kind: 'article', date: '2025-11-10', article: 'ferry-fares' });
    expect(parseHash('#2025-11-10/a/caf%C3%A9')).toEqual({ kind: 'article', date: '2025-11-10', article: 'café' });
  });

  it('accepts the fragment without its # and with a trailing slash', () => {
    expect(parseHash('2025-11-10/p/2/')).toEqual({ kind: 'page', date: '2025-11-10', page: 2 });
  });
});

describe('parseHash of anything else', () => {
  it.each(['', '#', '#top', '#2025-11', '#2025-11-10/p/0', '#2025-11-10/p/two', '#2025-11-10/x/1', '#2025-11-10/a/%E0%A4%A', '#2025-11-10/p/3/extra'])(
    'returns null for %j',
    (hash) => {
      expect(parseHash(hash)).toBeNull();
    },
  );
});

describe('formatHash', () => {
  it('writes each kind of route so that parseHash reads it back', () => {
    for (const route of [
      { kind: 'edition', date: '2025-11-09' },
      { kind: 'page', date: '2025-11-10', page: 12 },
      { kind: 'article', date: '2025-11-10', article: 'a b/c' },
    ] as const) {
      expect(parseHash(formatHash(route))).toEqual(route);
    }
  });

  it('encodes article ids', () => {
    expect(formatHash({ kind: 'article', date: '2025-11-10', article: 'a b/c' })).toBe('#2025-11-10/a/a%20b%2Fc');
  });
});

describe('sameRoute', () => {
  it('compares routes by where they lead', () => {
    expect(sameRoute({ kind: 'page', date: '2025-11-10', page: 2 }, { kind: 'page', date: '2025-11-10', page: 2 })).toBe(true);
    expect(sameRoute({ kind: 'page', date: '2025-11-10', page: 2 }, { kind: 'page', date: '2025-11-10', page: 3 })).toBe(false);
    expect(sameRoute(null, null)).toBe(true);
    expect(sameRoute(null, { kind: 'edition', date: '2025-11-10' })).toBe(false);
  });
});
