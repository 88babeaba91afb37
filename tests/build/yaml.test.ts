/**
 * YAML fields with their lines: the data of a mapping, the line of each key
 * (so a bad field's error names it), and malformed YAML reported on the line
 * a writer has to fix.
 */
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/build/errors.js';
import { parseYamlMap } from '../../src/build/yaml.js';

/** The SourceError parsing `text` throws. */
function malformed(text: string, firstLine = 1): SourceError {
  try {
    parseYamlMap(text, 'story.md', firstLine);
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return error as SourceError;
  }
  throw new Error('expected a SourceError, nothing was thrown');
}

const FRONT = [
  'headline: "Ferry fares: what changes"',
  'section: news',
  'priority: 8',
  'image:',
  '  file: images/ferry.jpg',
  '  caption: The morning ferry.',
  'tags:',
  '  - ferries',
  '  - {name: fares}',
  'note:',
  '',
].join('\n');

describe('parseYamlMap', () => {
  it('reads the mapping with the YAML 1.2 core schema: numbers, strings, nested mappings, sequences', () => {
    expect(parseYamlMap(FRONT, 'story.md').data).toEqual({
      headline: 'Ferry fares: what changes',
      section: 'news',
      priority: 8,
      image: { file: 'images/ferry.jpg', caption: 'The morning ferry.' },
      tags: ['ferries', { name: 'fares' }],
      note: null,
    });
    // A date stays the text it was written as: the build checks it is a real one.
    expect(parseYamlMap('date: 2025-11-31\nflag: yes\n', 'edition.yaml').data).toEqual({ date: '2025-11-31', flag: 'yes' });
  });

  it('gives the line of every key, nested ones by dotted path, counted from the line the text starts on', () => {
    const yaml = parseYamlMap(FRONT, 'story.md', 2);
    expect(['headline', 'section', 'priority', 'image', 'image.file', 'image.caption', 'tags', 'note'].map((f) => yaml.line(f))).toEqual([2, 3, 4, 5, 6, 7, 8, 11]);
  });

  it('gives a key it cannot find the line of the nearest key around it, or the first line', () => {
    const yaml = parseYamlMap(FRONT, 'story.md', 2);
    expect(yaml.line('image.credit')).toBe(5);
    // Keys inside a sequence have no path of their own.
    expect(yaml.line('tags.name')).toBe(8);
    expect(yaml.line('byline')).toBe(2);
  });

  it('reads empty text as no fields', () => {
    const yaml = parseYamlMap('# nothing yet\n', 'edition.yaml');
    expect(yaml.data).toEqual({});
    expect(yaml.line('volume')).toBe(1);
  });

  it('refuses text that is not a mapping', () => {
    expect(malformed('- one\n- two\n').message).toMatch(/expected a YAML mapping/);
  });

  it('reports malformed YAML on the line to fix: a key given twice, a stray colon, a tab', () => {
    expect(malformed('section: news\npriority: 8\nsection: sport\n').line).toBe(3);
    expect(malformed('section: news\nkicker: Update: dredging\n').line).toBe(2);
    expect(malformed('image:\n  file: a.jpg\n\tcaption: x\n', 2).line).toBe(4);
    expect(malformed('section: news\nsection: sport\n').message).toMatch(/malformed YAML: duplicated mapping key/);
  });

  it('reports a quote left open on the line where it opened, whichever quote and whatever follows', () => {
    expect(malformed('headline: x\nkicker: "Dredging\nimage:\n  file: a.jpg\n', 2).line).toBe(3);
    expect(malformed("headline: x\nkicker: 'It''s late\nsection: news\n").line).toBe(2);
    expect(malformed('headline: "A \\"quoted\\" word\nsection: news\npriority: 8\n').line).toBe(1);
  });

  it('does not blame a quote that was closed for a later error', () => {
    expect(malformed('headline: "Ferry: fares"\nsection: news\nkicker: Update: dredging\n').line).toBe(3);
  });
});
