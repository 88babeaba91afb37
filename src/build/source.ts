import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Block } from '../manifest/types.js';
import type { PageGeometry } from '../layout/types.js';
import { displayPath, SourceError } from './errors.js';
import { readImage, type ImageFile } from './images.js';
import { blocksText, markdownToBlocks } from './markdown.js';
import { readBytes, type ReadBytes } from './read-bytes.js';
import { readTextFile } from './text-file.js';
import { parseYamlMap, type YamlMap } from './yaml.js';

export interface PublicationSource {
  readonly name: string;
  readonly motto: string;
  readonly city: string;
  readonly language: string;
  readonly price: string;
  readonly page: PageGeometry;
  readonly sections: readonly { readonly id: string; readonly title: string }[];
  readonly adverts: readonly { readonly key: string; readonly image: ImageFile }[];
}

export interface ArticleSource {
  readonly id: string;
  /** The file as messages name it (relative to the working folder). */
  readonly file: string;
  /** The file's path, to read it again when an error must name a line. */
  readonly path: string;
  readonly section: string;
  readonly headline: string;
  readonly kicker?: string;
  readonly deck?: string;
  readonly byline?: string;
  readonly bio?: string;
  readonly pullquote?: string;
  readonly priority: number;
  readonly image?: { readonly file: string; readonly caption: string; readonly credit: string; readonly data: ImageFile };
  readonly body: readonly Block[];
  readonly words: number;
}

export interface EditionSource {
  readonly date: string;
  readonly volume: number;
  readonly issue: number;
  readonly label?: string;
  readonly articles: readonly ArticleSource[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar date in `YYYY-MM-DD` form. */
export function isRealDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function field(yaml: YamlMap, file: string, name: string, kind: 'string' | 'number', required: boolean): string | number | undefined {
  const value = name.split('.').reduce<unknown>((obj, key) => (obj && typeof obj === 'object' ? (obj as Record<string, unknown>)[key] : undefined), yaml.data);
  if (value === undefined || value === null || value === '') {
    if (required) throw new SourceError(file, yaml.line(name), name, `missing required field "${name}"`);
    return undefined;
  }
  if (kind === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new SourceError(file, yaml.line(name), name, `"${name}" must be a number`);
    return value;
  }
  if (typeof value !== 'string' && typeof value !== 'number') throw new SourceError(file, yaml.line(name), name, `"${name}" must be text`);
  return String(value).trim();
}
const str = (y: YamlMap, f: string, n: string, req = false) => field(y, f, n, 'string', req) as string | undefined;
const num = (y: YamlMap, f: string, n: string, req = false) => field(y, f, n, 'number', req) as number | undefined;

/** Reads `publication.yaml` in the editions folder. */
export async function readPublication(root: string, cwd: string, read: ReadBytes = readBytes): Promise<PublicationSource> {
  const path = join(root, 'publication.yaml');
  const file = displayPath(cwd, path);
  const yaml = parseYamlMap(await readTextFile(path, file, read), file);
  const page: PageGeometry = {
    width: num(yaml, file, 'page.width', true)!,
    height: num(yaml, file, 'page.height', true)!,
    margins: {
      top: num(yaml, file, 'page.margins.top', true)!,
      right: num(yaml, file, 'page.margins.right', true)!,
      bottom: num(yaml, file, 'page.margins.bottom', true)!,
      left: num(yaml, file, 'page.margins.left', true)!,
    },
    columns: num(yaml, file, 'page.columns', true)!,
    gutter: num(yaml, file, 'page.gutter', true)!,
  };
  if (!Number.isInteger(page.columns) || page.columns < 2 || page.columns > 8) {
    throw new SourceError(file, yaml.line('page.columns'), 'page.columns', 'columns must be a whole number from 2 to 8');
  }
  const rawSections = yaml.data['sections'];
  if (!Array.isArray(rawSections) || rawSections.length === 0) {
    throw new SourceError(file, yaml.line('sections'), 'sections', 'list the sections in order, each with an id and a title');
  }
  const sections = rawSections.map((s, i) => {
    const id = (s as Record<string, unknown>)?.['id'];
    const title = (s as Record<string, unknown>)?.['title'];
    if (typeof id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(id) || typeof title !== 'string') {
      throw new SourceError(file, yaml.line('sections'), `sections[${i}]`, 'each section needs an id (lower-case letters, digits, dashes) and a title');
    }
    return { id, title };
  });
  const rawAdverts = yaml.data['adverts'] ?? [];
  if (!Array.isArray(rawAdverts)) throw new SourceError(file, yaml.line('adverts'), 'adverts', 'adverts must be a list of image paths');
  const adverts = await Promise.all(
    rawAdverts.map(async (a, i) => {
      if (typeof a !== 'string') throw new SourceError(file, yaml.line('adverts'), `adverts[${i}]`, 'an advert is a path to a PNG or JPEG image');
      return { key: `advert:${a}`, image: await readImage(join(root, a), file, yaml.line('adverts'), `adverts[${i}]`, read) };
    }),
  );
  return {
    name: str(yaml, file, 'name', true)!,
    motto: str(yaml, file, 'motto') ?? '',
    city: str(yaml, file, 'city', true)!,
    language: str(yaml, file, 'language', true)!,
    price: str(yaml, file, 'price') ?? '',
    page,
    sections,
    adverts,
  };
}

/** Lists the edition folders (`YYYY-MM-DD`) under the editions root, oldest first. */
export async function listEditionDates(root: string, cwd: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true });
  const dates: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !/^\d/.test(entry.name)) continue;
    if (!isRealDate(entry.name)) {
      throw new SourceError(displayPath(cwd, join(root, entry.name)), undefined, undefined, `"${entry.name}" is not a real date`, 'name edition folders YYYY-MM-DD, e.g. 2025-11-08');
    }
    dates.push(entry.name);
  }
  return dates.sort();
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---(?:\n|$)/;
const ARTICLE_ID = /^[a-z0-9][a-z0-9-]*$/;

/** Reads one edition folder: `edition.yaml` and every article. */
export async function readEdition(root: string, date: string, publication: PublicationSource, cwd: string, read: ReadBytes = readBytes): Promise<EditionSource> {
  const dir = join(root, date);
  const editionFile = displayPath(cwd, join(dir, 'edition.yaml'));
  const meta = parseYamlMap(await readTextFile(join(dir, 'edition.yaml'), editionFile, read), editionFile);
  const volume = num(meta, editionFile, 'volume', true)!;
  const issue = num(meta, editionFile, 'issue', true)!;
  const label = str(meta, editionFile, 'label');
  const stated = meta.data['date'];
  if (stated !== undefined) {
    // YAML reads 2025-11-08 as a timestamp; an impossible one stays a string.
    const text = stated instanceof Date ? stated.toISOString().slice(0, 10) : String(stated);
    if (!isRealDate(text)) throw new SourceError(editionFile, meta.line('date'), 'date', `"${text}" is not a real date`, 'write it as YYYY-MM-DD');
    if (text !== date) throw new SourceError(editionFile, meta.line('date'), 'date', `the date ${text} does not match the folder ${date}`);
  }
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  const sectionIds = new Set(publication.sections.map((s) => s.id));
  const seen = new Map<string, string>();
  const articles: ArticleSource[] = [];
  // All reads at once (they overlap in libuv's pool: one after another, the
  // build sat idle a third of the time it took to read an edition); taken in
  // name order, so the first bad file reported is always the same one.
  const texts = await Promise.allSettled(names.map((name) => readTextFile(join(dir, name), displayPath(cwd, join(dir, name)), read)));
  for (const [index, name] of names.entries()) {
    const file = displayPath(cwd, join(dir, name));
    const settled = texts[index]!;
    if (settled.status === 'rejected') throw settled.reason;
    const text = settled.value;
    const match = FRONT_MATTER.exec(text);
    if (!match) throw new SourceError(file, 1, undefined, 'the article has no YAML front matter', 'start the file with a --- line, the fields, and another --- line');
    const yaml = parseYamlMap(match[1]!, file, 2);
    const id = str(yaml, file, 'id') ?? name.slice(0, -3).toLowerCase();
    if (!ARTICLE_ID.test(id)) throw new SourceError(file, yaml.line('id'), 'id', `"${id}" is not a valid article id`, 'use lower-case letters, digits and dashes');
    const previous = seen.get(id);
    if (previous) throw new SourceError(file, yaml.line('id'), 'id', `duplicate article id "${id}" (also ${previous})`);
    seen.set(id, file);
    const headline = str(yaml, file, 'headline', true)!;
    const section = str(yaml, file, 'section', true)!;
    if (!sectionIds.has(section)) {
      throw new SourceError(file, yaml.line('section'), 'section', `unknown section "${section}"`, `use one of: ${[...sectionIds].join(', ')}`);
    }
    const priority = num(yaml, file, 'priority') ?? 5;
    let image: ArticleSource['image'];
    if (yaml.data['image'] !== undefined) {
      const imageFile = str(yaml, file, 'image.file', true)!;
      image = {
        file: imageFile,
        caption: str(yaml, file, 'image.caption') ?? '',
        credit: str(yaml, file, 'image.credit') ?? '',
        data: await readImage(join(dir, imageFile), file, yaml.line('image.file'), 'image.file', read),
      };
    }
    const bodyStart = lineCount(match[0]) + 1;
    const body = markdownToBlocks(text.slice(match[0].length), file, bodyStart);
    const words = countWords(blocksText(body));
    if (words === 0) throw new SourceError(file, bodyStart, 'body', 'the article has no text', 'write the article below the front matter');
    articles.push({
      id,
      file,
      path: join(dir, name),
      section,
      headline,
      priority,
      body,
      words,
      ...optional('kicker', str(yaml, file, 'kicker')),
      ...optional('deck', str(yaml, file, 'deck')),
      ...optional('byline', str(yaml, file, 'byline')),
      ...optional('bio', str(yaml, file, 'bio')),
      ...optional('pullquote', str(yaml, file, 'pullquote')),
      ...(image ? { image } : {}),
    });
  }
  if (articles.length === 0) throw new SourceError(displayPath(cwd, dir), undefined, undefined, 'the edition has no articles (*.md files)');
  return { date, volume, issue, articles, ...optional('label', label) };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

function lineCount(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** A letter or a digit: what makes a piece of text between spaces a word. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Words of a text: pieces between white space (as `\s` has it) with a letter
 * or a digit in them, so that a dash or a bullet standing alone is not one.
 * One scan of the character codes, ASCII decided without the expression:
 * splitting made a string of every word of the edition, and the build's
 * first tenth of a second ran it unoptimised.
 */
export function countWords(text: string): number {
  let words = 0;
  // Whether the piece being read has been counted already.
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isWhiteSpace(code)) {
      counted = false;
    } else if (!counted && (code < 128 ? isAsciiLetterOrDigit(code) : LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i)!)))) {
      words++;
      counted = true;
    }
  }
  return words;
}

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** White space and line terminators as ECMA-262 defines them for `\s` (§12.2, §12.3; Unicode's Zs). */
function isWhiteSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
