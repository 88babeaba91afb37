import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { SourceError } from '../../src/build/errors.js';
import { countWords, isRealDate, listEditionDates, readEdition, readPublication, type PublicationSource } from '../../src/build/source.js';
import { readOnce } from '../../src/build/read-bytes.js';
import { FIXTURE_DATE, GIF_1X1, HARBOUR_MD, MATCH_MD, removeDir, tempDir, writeMinimalEdition } from './fixtures.js';

let root: string;
let dir: string;
const ARTICLE = `${FIXTURE_DATE}/harbour-dredging.md`;

beforeEach(async () => {
  root = await tempDir('source');
  dir = await writeMinimalEdition(root);
});

afterEach(async () => {
  await removeDir(root);
});

const publication = (): Promise<PublicationSource> => readPublication(root, root);
const edition = async () => readEdition(root, FIXTURE_DATE, await publication(), root);

/** The SourceError the promise rejects with (fails the test if it resolves or rejects otherwise). */
async function sourceError(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a SourceError, the call succeeded');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

/** The error's message begins `file:line (field): `, as the command line prints it. */
function expectNamed(error: SourceError, file: string, line: number | undefined, field: string | undefined): void {
  expect({ file: error.file, line: error.line, field: error.field }).toEqual({ file, line, field });
  expect(error.message.startsWith(`${file}${line !== undefined ? `:${line}` : ''}${field ? ` (${field})` : ''}: `)).toBe(true);
}

describe('the minimal valid edition', () => {
  it('reads the publication: name, geometry, sections in order, adverts with their pixel size', async () => {
    const pub = await publication();
    expect(pub).toMatchObject({
      name: 'The Test Gazette',
      motto: 'All the news that fits',
      city: 'Testville',
      language: 'en-US',
      price: '$1.00',
      page: { width: 600, height: 800, margins: { top: 30, right: 30, bottom: 30, left: 30 }, columns: 5, gutter: 10 },
      sections: [
        { id: 'news', title: 'News' },
        { id: 'sport', title: 'Sport' },
      ],
    });
    expect(pub.adverts).toHaveLength(1);
    expect(pub.adverts[0]).toMatchObject({ key: 'advert:adverts/house.png', image: { type: 'png', width: 300, height: 100 } });
  });

  it('lists edition folders oldest first and ignores folders that are not dates', async () => {
    await writeMinimalEdition(root, '2025-11-10');
    await writeMinimalEdition(root, '2025-11-09');
    expect(await listEditionDates(root, root)).toEqual(['2025-11-08', '2025-11-09', '2025-11-10']);
  });

  it('reads edition.yaml and every article, in file-name order, ids from the file names', async () => {
    const source = await edition();
    expect(source).toMatchObject({ date: FIXTURE_DATE, volume: 3, issue: 41, label: 'Test Edition' });
    expect(source.articles.map((a) => [a.id, a.file, a.section])).toEqual([
      ['gulls-win', `${FIXTURE_DATE}/gulls-win.md`, 'sport'],
      ['harbour-dredging', ARTICLE, 'news'],
    ]);
  });

  it('turns front matter into fields: headline, priority (default 5), byline, image with its size', async () => {
    const [gulls, harbour] = (await edition()).articles;
    expect(gulls).toMatchObject({ headline: 'Gulls win on a late goal', priority: 5, byline: 'By T. Writer' });
    expect(gulls!.image).toBeUndefined();
    expect(harbour).toMatchObject({ headline: 'Harbour dredging starts a week early', priority: 8 });
    expect(harbour!.image).toMatchObject({
      file: 'images/photo.png',
      caption: 'The dredger at work off the north quay.',
      credit: 'Photo by A. Tester',
      data: { type: 'png', width: 30, height: 20 },
    });
  });

  it('turns the Markdown body into blocks and counts its words', async () => {
    const harbour = (await edition()).articles[1]!;
    expect(harbour.body.map((b) => b.kind)).toEqual(['paragraph', 'subhead', 'paragraph']);
    expect(harbour.body[1]).toEqual({ kind: 'subhead', text: 'Work at night' });
    expect(harbour.words).toBe(28 + 3 + 20);
  });

  it('takes the id from `id:` in the front matter when there is one', async () => {
    await writeFile(join(dir, 'gulls-win.md'), MATCH_MD.replace('---\n', '---\nid: gulls-late-winner\n'));
    const ids = (await edition()).articles.map((a) => a.id);
    expect(ids).toContain('gulls-late-winner');
  });

  it('reads a file saved with a byte-order mark and Windows line ends like any other', async () => {
    await writeFile(join(dir, 'gulls-win.md'), `\uFEFF${MATCH_MD.replace(/\n/g, '\r\n')}`);
    const gulls = (await edition()).articles[0]!;
    expect(gulls).toMatchObject({ id: 'gulls-win', headline: 'Gulls win on a late goal', byline: 'By T. Writer' });
    expect(gulls.body).toHaveLength(1);
  });

  it('knows real dates from impossible ones', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2025-02-29')).toBe(false);
    expect(isRealDate('2025-02-30')).toBe(false);
    expect(isRealDate('2025-13-01')).toBe(false);
    expect(isRealDate('2025-1-01')).toBe(false);
  });
});

describe('an article with bad front matter', () => {
  it('without a headline: SourceError on the front matter’s first line, field headline', async () => {
    await writeFile(join(dir, 'harbour-dredging.md'), HARBOUR_MD.replace(/^headline: .*\n/m, ''));
    const error = await sourceError(edition());
    expectNamed(error, ARTICLE, 2, 'headline');
    expect(error.message).toMatch(/missing required field "headline"/);
  });

  it('with a section the publication does not have: SourceError on the section line, listing the sections', async () => {
    await writeFile(join(dir, 'harbour-dredging.md'), HARBOUR_MD.replace('section: news', 'section: weather'));
    const error = await sourceError(edition());
    expectNamed(error, ARTICLE, 3, 'section');
    expect(error.message).toMatch(/unknown section "weather"/);
    expect(error.hint).toMatch(/news, sport/);
  });

  it('with a colon in an unquoted value: malformed YAML on that line', async () => {
    await writeFile(join(dir, 'harbour-dredging.md'), HARBOUR_MD.replace('priority: 8', 'kicker: Update: dredging'));
    const error = await sourceError(edition());
    expectNamed(error, ARTICLE, 4, undefined);
    expect(error.message).toMatch(/malformed YAML/);
  });

  it('with a tab for indentation: malformed YAML on that line', async () => {
    await writeFile(join(dir, 'harbour-dredging.md'), HARBOUR_MD.replace('  caption:', '\tcaption:'));
    const error = await sourceError(edition());
    expectNamed(error, ARTICLE, 7, undefined);
    expect(error.message).toMatch(/malformed YAML/);
  });

  it('with a field given twice: malformed YAML on the second one', async () => {
    await writeFile(join(dir, 'harbour-dredging.md'), HARBOUR_MD.replace('priority: 8', 'priority: 8\nsection: sport'));
    const error = await sourceError(edition());
    expectNamed(error, ARTICLE, 5, undefined);
    expect(error.message).toMatch(/duplicated mapping key/);
  });

  // The parser notices an open quote only where the indentation gives out, lines later.
  it('with an unterminated quoted value: malformed YAML on the line where the quote opens', async () => {
    await writeFile(join(dir, 'harbour-dredging.md'), HARBOUR_MD.replace('priority: 8', 'kicker: "Dredging'));
    const error = await sourceError(edition());
    expectNamed(error, ARTICLE, 4, undefined);
  });

  it('without front matter at all: SourceError on line 1', async () => {
    await writeFile(join(dir, 'gulls-win.md'), 'The Gulls beat the Rovers.\n');
    const error = await sourceError(edition());
    expectNamed(error, `${FIXTURE_DATE}/gulls-win.md`, 1, undefined);
    expect(error.message).toMatch(/no YAML front matter/);
  });

  it('with a priority that is not a number: SourceError on that line, field priority', async () => {
    await writeFile(join(dir, 'harbour-dredging.md'), HARBOUR_MD.replace('priority: 8', 'priority: high'));
    const error = await sourceError(edition());
    expectNamed(error, ARTICLE, 4, 'priority');
  });
});

describe('a bad edition.yaml or edition folder', () => {
  it('with a volume that is not a number: SourceError naming edition.yaml, line 1, field volume', async () => {
    await writeFile(join(dir, 'edition.yaml'), 'volume: three\nissue: 41\n');
    expectNamed(await sourceError(edition()), `${FIXTURE_DATE}/edition.yaml`, 1, 'volume');
  });

  it('with malformed YAML: SourceError naming edition.yaml and the line', async () => {
    await writeFile(join(dir, 'edition.yaml'), 'volume: 3\nissue: 41\nlabel: Late: final\n');
    const error = await sourceError(edition());
    expectNamed(error, `${FIXTURE_DATE}/edition.yaml`, 3, undefined);
  });

  // BUG (gap between README and code): README says bad input includes a
  // "malformed … date", but readEdition (src/build/source.ts lines 146-149)
  // reads only volume, issue and label from edition.yaml; a `date:` there is
  // never looked at, so `date: 2025-11-31` (or a date that contradicts the
  // folder) builds silently. Fix: if edition.yaml has `date`, require
  // `isRealDate(String(value))` and `value === date` (the folder), else throw
  // SourceError(editionFile, meta.line('date'), 'date', …).
  it('with a malformed date: SourceError naming edition.yaml, the line and field date', async () => {
    await writeFile(join(dir, 'edition.yaml'), 'volume: 3\nissue: 41\ndate: 2025-11-31\n');
    expectNamed(await sourceError(edition()), `${FIXTURE_DATE}/edition.yaml`, 3, 'date');
  });

  it('named 2025-02-30, not a real date: SourceError naming the folder', async () => {
    await writeMinimalEdition(root, '2025-02-30');
    const error = await sourceError(listEditionDates(root, root));
    expectNamed(error, '2025-02-30', undefined, undefined);
    expect(error.message).toMatch(/not a real date/);
    expect(error.hint).toMatch(/YYYY-MM-DD/);
  });

  it('named 2025-11-8, not in YYYY-MM-DD form: SourceError naming the folder', async () => {
    await writeMinimalEdition(root, '2025-11-8');
    expectNamed(await sourceError(listEditionDates(root, root)), '2025-11-8', undefined, undefined);
  });

  it('asked for with a malformed --date: SourceError on field --date, before anything is laid out', async () => {
    const error = await sourceError(build({ input: root, out: join(root, 'out'), date: '2025-11-8', strict: false, check: true, log: () => {}, cwd: root }));
    expect(error.field).toBe('--date');
  });

  it('without any article: SourceError naming the folder', async () => {
    await rm(join(dir, 'harbour-dredging.md'));
    await rm(join(dir, 'gulls-win.md'));
    const error = await sourceError(edition());
    expect(error.file).toBe(FIXTURE_DATE);
    expect(error.message).toMatch(/no articles/);
  });
});

describe('an article with a bad image', () => {
  it('that is missing: SourceError on the image.file line', async () => {
    await rm(join(dir, 'images', 'photo.png'));
    const error = await sourceError(edition());
    expectNamed(error, ARTICLE, 6, 'image.file');
    expect(error.message).toMatch(/image not found: images\/photo\.png/);
  });

  it('that is a GIF: SourceError saying it is neither JPEG nor PNG', async () => {
    await writeFile(join(dir, 'images', 'photo.png'), GIF_1X1);
    const error = await sourceError(edition());
    expectNamed(error, ARTICLE, 6, 'image.file');
    expect(error.message).toMatch(/neither JPEG nor PNG/);
  });

  it('that is a text file renamed .jpg: SourceError saying it is neither JPEG nor PNG', async () => {
    await writeFile(join(dir, 'images', 'photo.jpg'), 'not really a photo\n');
    await writeFile(join(dir, 'harbour-dredging.md'), HARBOUR_MD.replace('images/photo.png', 'images/photo.jpg'));
    const error = await sourceError(edition());
    expectNamed(error, ARTICLE, 6, 'image.file');
    expect(error.message).toMatch(/neither JPEG nor PNG/);
  });

  it('that is a JPEG without a frame header: SourceError saying it is damaged', async () => {
    await writeFile(join(dir, 'images', 'photo.jpg'), new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xd9, 0, 0, 0, 0, 0]));
    await writeFile(join(dir, 'harbour-dredging.md'), HARBOUR_MD.replace('images/photo.png', 'images/photo.jpg'));
    const error = await sourceError(edition());
    expectNamed(error, ARTICLE, 6, 'image.file');
    expect(error.message).toMatch(/damaged/);
  });

  it('as an advert that is missing: SourceError naming publication.yaml, the adverts line and the advert', async () => {
    await rm(join(root, 'adverts', 'house.png'));
    const error = await sourceError(publication());
    expectNamed(error, 'publication.yaml', 15, 'adverts[0]');
  });
});

describe('an article with a bad body or file', () => {
  it('in Latin-1, not UTF-8: SourceError naming the file and the line of the first bad byte', async () => {
    const latin1 = Buffer.from(HARBOUR_MD.replace('## Work at night', '## Caf\u00e9 at night'), 'latin1');
    await writeFile(join(dir, 'harbour-dredging.md'), latin1);
    const error = await sourceError(edition());
    expect({ file: error.file, line: error.line }).toEqual({ file: ARTICLE, line: 12 });
    expect(error.message).toMatch(/not valid UTF-8/);
  });

  it('in Latin-1 in the front matter: SourceError on that line', async () => {
    await writeFile(join(dir, 'harbour-dredging.md'), Buffer.from(HARBOUR_MD.replace('The dredger', 'Le dragueur \u00e0'), 'latin1'));
    const error = await sourceError(edition());
    expect({ file: error.file, line: error.line }).toEqual({ file: ARTICLE, line: 7 });
  });

  it('with the same `id:` as another article: SourceError on the second file’s id line, naming the first', async () => {
    await writeFile(join(dir, 'a-first.md'), MATCH_MD.replace('---\n', '---\nid: same-story\n'));
    await writeFile(join(dir, 'b-second.md'), MATCH_MD.replace('---\n', '---\nid: same-story\n'));
    const error = await sourceError(edition());
    expectNamed(error, `${FIXTURE_DATE}/b-second.md`, 2, 'id');
    expect(error.message).toMatch(/duplicate article id "same-story" \(also 2025-11-08\/a-first\.md\)/);
  });

  it('with an `id:` equal to another file’s name: SourceError, field id', async () => {
    await writeFile(join(dir, 'x-copy.md'), MATCH_MD.replace('---\n', '---\nid: gulls-win\n'));
    const error = await sourceError(edition());
    expectNamed(error, `${FIXTURE_DATE}/x-copy.md`, 2, 'id');
  });

  it('with an id that is not lower-case letters, digits and dashes: SourceError, field id', async () => {
    await writeFile(join(dir, 'gulls-win.md'), MATCH_MD.replace('---\n', '---\nid: Gulls Win\n'));
    expectNamed(await sourceError(edition()), `${FIXTURE_DATE}/gulls-win.md`, 2, 'id');
  });

  it('with front matter only: SourceError on the line after it, field body', async () => {
    await writeFile(join(dir, 'harbour-dredging.md'), HARBOUR_MD.slice(0, HARBOUR_MD.indexOf('The harbour board')));
    const error = await sourceError(edition());
    expectNamed(error, ARTICLE, 10, 'body');
    expect(error.message).toMatch(/no text/);
  });

  it('with only blank lines and a rule after the front matter: SourceError, field body', async () => {
    await writeFile(join(dir, 'harbour-dredging.md'), `${HARBOUR_MD.slice(0, HARBOUR_MD.indexOf('The harbour board'))}\n\n***\n\n`);
    expectNamed(await sourceError(edition()), ARTICLE, 10, 'body');
  });

  it('with a code block: SourceError on its line, field body', async () => {
    await writeFile(join(dir, 'gulls-win.md'), `${MATCH_MD}\n\`\`\`\nx = 1\n\`\`\`\n`);
    expectNamed(await sourceError(edition()), `${FIXTURE_DATE}/gulls-win.md`, 8, 'body');
  });

  // BUG: src/build/markdown.ts line 9: `new MarkdownIt('commonmark', { …, html: false })`.
  // With HTML off, markdown-it emits no `html_inline`/`html_block` tokens; it
  // passes tags through as literal text, so the `default:` branches meant to
  // refuse them never run and "<b>closed</b>" reaches the page and the
  // manifest. Fix: `html: true`, so HTML arrives as HTML tokens and is
  // refused ("HTML is not allowed in an article body", as describe() says).
  it('with HTML: SourceError on its line, field body', async () => {
    await writeFile(join(dir, 'gulls-win.md'), `${MATCH_MD}\nThe ground was <b>closed</b> on Sunday.\n`);
    const error = await sourceError(edition());
    expectNamed(error, `${FIXTURE_DATE}/gulls-win.md`, 8, 'body');
    expect(error.message).toMatch(/HTML/);
  });
});

describe('the publication with bad settings', () => {
  it('with a column count out of range: SourceError on page.columns', async () => {
    const yaml = (await readFile(join(root, 'publication.yaml'), 'utf8')).replace('columns: 5', 'columns: 12');
    await writeFile(join(root, 'publication.yaml'), yaml);
    expectNamed(await sourceError(publication()), 'publication.yaml', 10, 'page.columns');
  });

  it('without sections: SourceError on field sections', async () => {
    const yaml = (await readFile(join(root, 'publication.yaml'), 'utf8')).replace(/sections:\n(?: {2}- .*\n)+/, 'sections: []\n');
    await writeFile(join(root, 'publication.yaml'), yaml);
    const error = await sourceError(publication());
    expect(error.field).toBe('sections');
  });

  it('without a name: SourceError on field name', async () => {
    const yaml = (await readFile(join(root, 'publication.yaml'), 'utf8')).replace(/^name: .*\n/, '');
    await writeFile(join(root, 'publication.yaml'), yaml);
    expectNamed(await sourceError(publication()), 'publication.yaml', 1, 'name');
  });

  it('missing altogether: SourceError naming publication.yaml', async () => {
    await rm(join(root, 'publication.yaml'));
    expect((await sourceError(publication())).file).toBe('publication.yaml');
  });
});

describe('reading the inputs once', () => {
  it('reads each file once however often and under whatever spelling it is asked for, and every caller gets the same bytes', async () => {
    const asked: string[] = [];
    const read = readOnce(async (path) => {
      asked.push(path);
      return readFile(path);
    });
    const path = join(dir, 'harbour-dredging.md');
    const [a, b, c] = await Promise.all([read(path), read(path), read(join(dir, '..', FIXTURE_DATE, 'harbour-dredging.md'))]);
    expect(asked).toEqual([path]);
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('gives an edition read through it the content it hashed, reading nothing twice', async () => {
    const asked: string[] = [];
    const read = readOnce(async (path) => {
      asked.push(path);
      return readFile(path);
    });
    const pub = await readPublication(root, root, read);
    const source = await readEdition(root, FIXTURE_DATE, pub, root, read);
    await readEdition(root, FIXTURE_DATE, pub, root, read);
    expect(source.articles.map((a) => a.id)).toContain('harbour-dredging');
    expect(asked.length).toBe(new Set(asked).size);
    expect(asked).toContain(join(root, 'publication.yaml'));
    expect(asked).toContain(join(dir, 'harbour-dredging.md'));
  });

  it('fails every caller of a file it cannot read, having tried once, and the build names the file', async () => {
    let tries = 0;
    const read = readOnce(async (path) => {
      tries++;
      return readFile(path);
    });
    const missing = join(dir, 'missing.md');
    const codes = await Promise.all([read(missing), read(missing)].map((p) => p.then(() => 'read', (e: NodeJS.ErrnoException) => e.code)));
    expect(codes).toEqual(['ENOENT', 'ENOENT']);
    expect(tries).toBe(1);
    const error = await sourceError(readEdition(root, '2031-01-01', await publication(), root, readOnce()));
    expect(error.file).toContain('2031-01-01/edition.yaml');
    expect(error.message).toContain('cannot read the file (ENOENT)');
  });
});

describe('countWords', () => {
  it('counts pieces between white space that hold a letter or a digit', () => {
    expect(countWords('The harbour reopens — at last.')).toBe(5);
    expect(countWords('  3 ships, 12\u00A0crews;\n\tall  in ')).toBe(6);
    expect(countWords('– • …')).toBe(0);
    expect(countWords('')).toBe(0);
  });

  it('knows letters beyond ASCII, in every plane, and Unicode’s spaces', () => {
    expect(countWords('Gdańsk Łódź 東京 𝐀lpha')).toBe(4);
    expect(countWords('one\u2003two\u3000three\u2028four\uFEFFfive')).toBe(5);
    expect(countWords('“ ” ’s')).toBe(1);
  });

  it('agrees with splitting at \\s and testing each piece for \\p{L} or \\p{N}, on random text', () => {
    const alphabet = ['a', 'Z', '7', ' ', '\n', '\t', '\u00A0', '\u2009', '\u3000', '—', '’', '.', 'é', '東', '𝐀', '😀', '\u0301', '٣'];
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]!).join('');
      const expected = text.split(/\s+/).filter((piece) => /[\p{L}\p{N}]/u.test(piece)).length;
      expect(countWords(text), JSON.stringify(text)).toBe(expected);
    }
  });
});
