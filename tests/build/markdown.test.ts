import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/build/errors.js';
import { blocksText, markdownToBlocks, markdownTokens } from '../../src/build/markdown.js';

const FILE = '2025-11-08/story.md';

/** The SourceError `fn` throws (fails the test if it throws nothing or something else). */
function sourceError(fn: () => unknown): SourceError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return error as SourceError;
  }
  throw new Error('expected a SourceError, nothing was thrown');
}

describe('markdownToBlocks with paragraphs and inline styles', () => {
  it('makes one paragraph block per paragraph, in order', () => {
    const blocks = markdownToBlocks('First paragraph.\n\nSecond paragraph.\n', FILE, 6);
    expect(blocks).toEqual([
      { kind: 'paragraph', runs: [{ text: 'First paragraph.', style: 'plain' }] },
      { kind: 'paragraph', runs: [{ text: 'Second paragraph.', style: 'plain' }] },
    ]);
  });

  it('splits a paragraph into plain, em, strong and strong-em runs', () => {
    const [block] = markdownToBlocks('Plain *em* and **strong** and ***both*** end.', FILE, 6);
    expect(block).toEqual({
      kind: 'paragraph',
      runs: [
        { text: 'Plain ', style: 'plain' },
        { text: 'em', style: 'em' },
        { text: ' and ', style: 'plain' },
        { text: 'strong', style: 'strong' },
        { text: ' and ', style: 'plain' },
        { text: 'both', style: 'strong-em' },
        { text: ' end.', style: 'plain' },
      ],
    });
  });

  it('accepts underscores for emphasis as well', () => {
    const [block] = markdownToBlocks('An _italic_ and __bold__ word.', FILE, 6);
    expect(block).toMatchObject({ runs: [{ style: 'plain' }, { text: 'italic', style: 'em' }, { style: 'plain' }, { text: 'bold', style: 'strong' }, { style: 'plain' }] });
  });

  it('joins the lines of a paragraph with single spaces', () => {
    const [block] = markdownToBlocks('one\ntwo  \nthree\n   four', FILE, 6);
    expect(block).toEqual({ kind: 'paragraph', runs: [{ text: 'one two three four', style: 'plain' }] });
  });

  it('keeps the text of a link and drops its address', () => {
    const [block] = markdownToBlocks('See [the council site](https://example.org/council) today.', FILE, 6);
    expect(blocksText([block!])).toBe('See the council site today.');
  });
});

describe('markdownToBlocks with typographer replacements', () => {
  it('turns straight double and single quotes into curly ones', () => {
    const [block] = markdownToBlocks('"We will sail," she said. \'Not today.\' It\'s late.', FILE, 6);
    expect(blocksText([block!])).toBe('“We will sail,” she said. ‘Not today.’ It’s late.');
  });

  it('turns -- into an en dash, --- into an em dash and ... into an ellipsis', () => {
    const [block] = markdownToBlocks('pages 4--5 --- or more...', FILE, 6);
    expect(blocksText([block!])).toBe('pages 4–5 — or more…');
  });

  it('leaves curly quotes and dashes typed by the author as they are', () => {
    const [block] = markdownToBlocks('“Already curly” — and ‘single’.', FILE, 6);
    expect(blocksText([block!])).toBe('“Already curly” — and ‘single’.');
  });
});

describe('markdownToBlocks with block structure', () => {
  it('makes a ## heading a subhead block with its plain text', () => {
    const blocks = markdownToBlocks('Intro.\n\n## Staffing *at* the heart\n\nMore.', FILE, 6);
    expect(blocks[1]).toEqual({ kind: 'subhead', text: 'Staffing at the heart' });
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'subhead', 'paragraph']);
  });

  it('makes > lines a quote block, one per paragraph of the quote, keeping emphasis', () => {
    const blocks = markdownToBlocks('> First line\n> goes on *here*.\n>\n> Second paragraph.\n\nAfter.', FILE, 6);
    expect(blocks).toEqual([
      { kind: 'quote', runs: [{ text: 'First line goes on ', style: 'plain' }, { text: 'here', style: 'em' }, { text: '.', style: 'plain' }] },
      { kind: 'quote', runs: [{ text: 'Second paragraph.', style: 'plain' }] },
      { kind: 'paragraph', runs: [{ text: 'After.', style: 'plain' }] },
    ]);
  });

  it('makes a bullet list one unordered list block with an item per bullet', () => {
    const blocks = markdownToBlocks('- one\n- two **bold**\n- three', FILE, 6);
    expect(blocks).toEqual([
      {
        kind: 'list',
        ordered: false,
        items: [[{ text: 'one', style: 'plain' }], [{ text: 'two ', style: 'plain' }, { text: 'bold', style: 'strong' }], [{ text: 'three', style: 'plain' }]],
      },
    ]);
  });

  it('makes a numbered list an ordered list block', () => {
    const blocks = markdownToBlocks('1. first\n2. second', FILE, 6);
    expect(blocks).toEqual([{ kind: 'list', ordered: true, items: [[{ text: 'first', style: 'plain' }], [{ text: 'second', style: 'plain' }]] }]);
  });

  it('joins the paragraphs of a loose list item with a space', () => {
    const blocks = markdownToBlocks('- item one\n\n  second para\n- item two', FILE, 6);
    expect(blocksText(blocks)).toBe('item one second para\nitem two');
  });

  it('drops a thematic break', () => {
    const blocks = markdownToBlocks('Before.\n\n---\n\nAfter.', FILE, 6);
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
  });

  it('gives blocksText the text of every block, one block a line', () => {
    const blocks = markdownToBlocks('Para *one*.\n\n## Sub\n\n> Quote.\n\n- a\n- b', FILE, 6);
    expect(blocksText(blocks)).toBe('Para one.\nSub\nQuote.\na\nb');
  });
});

describe('markdownToBlocks with markup an article may not use', () => {
  it('refuses a fenced code block, naming file, line and field', () => {
    const error = sourceError(() => markdownToBlocks('Intro.\n\n```\ncode\n```\n', FILE, 6));
    expect(error).toMatchObject({ file: FILE, line: 8, field: 'body' });
    expect(error.message).toMatch(/code block/);
  });

  it('refuses an image in the body on its line', () => {
    const error = sourceError(() => markdownToBlocks('One.\n\nTwo ![a photo](x.png) here.', FILE, 10));
    expect(error).toMatchObject({ file: FILE, line: 12, field: 'body' });
    expect(error.message).toMatch(/image/);
  });

  it('refuses a nested list on the line of the inner list', () => {
    const error = sourceError(() => markdownToBlocks('- a\n  - nested\n- b', FILE, 6));
    expect(error).toMatchObject({ file: FILE, line: 7, field: 'body' });
  });

  it('keeps a pipe table as paragraph text (CommonMark has no tables)', () => {
    const blocks = markdownToBlocks('| a | b |\n|---|---|\n| 1 | 2 |', FILE, 6);
    expect(blocks.every((b) => b.kind === 'paragraph')).toBe(true);
  });
});

describe('markdownTokens', () => {
  const stock = new MarkdownIt('commonmark', { typographer: true, html: true }).enable(['replacements', 'smartquotes']);
  const EDITIONS = resolve(import.meta.dirname, '..', '..', 'editions');

  it('gives markdown-it’s own tokens, its text rule replaced, for every sample article and every kind of syntax', async () => {
    const bodies = [
      'Plain *em* __strong__ ***both*** `code` [link](https://example.org "t") ![img](a.png) <b>html</b> &amp; &copy; \\* a\\_b',
      'Rates: 5% + 3 = 8 -- or ~7 ^2 {x} @home #tag $5 a:b a=b "quoted" \'single\' (c) (tm) ... ---',
      '## A subhead\n\n> A quote with *em*\n> on two lines\n\n- one\n- two\n\n1. first\n2. second\n\n***\n\ntext  \nhard break',
      'A line ending in a backslash\\\nnext, <https://example.org> and <span>tag</span>, _under_score_ and snake_case_word.',
      '',
    ];
    for (const date of (await readdir(EDITIONS)).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))) {
      for (const name of (await readdir(join(EDITIONS, date))).filter((n) => n.endsWith('.md'))) bodies.push(await readFile(join(EDITIONS, date, name), 'utf8'));
    }
    expect(bodies.length).toBeGreaterThan(60);
    for (const body of bodies) expect(markdownTokens(body)).toEqual(stock.parse(body, {}));
  });
});
