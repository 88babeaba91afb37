import { describe, expect, it } from 'vitest';
import { round } from '../../src/pdf/glyph-encoder.js';

/** What `round` must print: the shortest decimal of the rounded double, as `String` writes it. */
const reference = (n: number, digits: number) => {
  const rounded = Math.round(n * 10 ** digits) / 10 ** digits;
  return String(rounded === 0 ? 0 : rounded);
};

describe('round: numbers as content streams write them', () => {
  it('keeps at most the given decimals and drops trailing zeros', () => {
    expect(round(12.3456)).toBe('12.346');
    expect(round(12.3456, 1)).toBe('12.3');
    expect(round(2.5, 3)).toBe('2.5');
    expect(round(1000.0004)).toBe('1000');
    expect(round(0.9995)).toBe('1');
    expect(round(0.07)).toBe('0.07');
    expect(round(0.0004)).toBe('0');
    expect(round(-0.0123, 4)).toBe('-0.0123');
    expect(round(-3.14159, 2)).toBe('-3.14');
  });

  it('writes 0, never -0, for what rounds to zero', () => {
    expect(round(-0.0004)).toBe('0');
    expect(round(-0)).toBe('0');
    expect(round(-1e-9, 4)).toBe('0');
  });

  it('prints what String prints for the rounded number, over 200,000 values of every size a page has', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const mismatches: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      const n = (random() - 0.2) * 10 ** Math.floor(random() * 5) * (random() < 0.5 ? 1 : 0.001);
      const digits = [1, 2, 3, 4][i % 4]!;
      if (round(n, digits) !== reference(n, digits)) mismatches.push(`${n} (${digits}): ${round(n, digits)} ≠ ${reference(n, digits)}`);
    }
    expect(mismatches).toEqual([]);
  });
});
