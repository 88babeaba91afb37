import { describe, expect, it } from 'vitest';
import { INK_RGB, contentStream } from '../../src/pdf/content.js';
import { INKS } from '../../src/layout/types.js';

const PAGE_HEIGHT = 1000;
const noResources = {
  font: () => {
    throw new Error('no text on this page');
  },
  image: () => {
    throw new Error('no image on this page');
  },
};

describe('content streams', () => {
  it.each(INKS)('paint the %s ink in its own colour, every component to three decimals', (ink) => {
    const expected = INK_RGB[ink].map((c) => String(Math.round(c * 1000) / 1000)).join(' ');
    const stream = contentStream(
      [
        { kind: 'rect', box: [10, 20, 30, 40], fill: ink },
        { kind: 'rule', x1: 0, y1: 100, x2: 200, y2: 100, weight: 0.5, ink },
      ],
      PAGE_HEIGHT,
      noResources,
    );
    expect(stream).toContain(`${expected} rg`);
    expect(stream).toContain(`${expected} RG`);
  });

  it('places rules from the top-left corner in PDF space, from the bottom', () => {
    const stream = contentStream([{ kind: 'rule', x1: 5, y1: 100, x2: 205, y2: 100, weight: 0.5, ink: 'rule' }], PAGE_HEIGHT, noResources);
    expect(stream).toContain('5 900 m 205 900 l S');
  });
});
