/**
 * Shape checks for the JSON the viewer reads. They check what the viewer
 * relies on, so that a wrong file fails at once with the field named, not
 * later with `undefined` somewhere in a template.
 */
import type { Catalog, EditionManifest } from '../manifest/types.js';

/** The JSON does not have the shape of a catalog or manifest; `path` names the first wrong field. */
export class ShapeError extends Error {
  override name = 'ShapeError';
  constructor(readonly path: string, expected: string) {
    super(`${path} should be ${expected}`);
  }
}

type Json = unknown;

function object(value: Json, path: string): Record<string, Json> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ShapeError(path, 'an object');
  return value as Record<string, Json>;
}

function array(value: Json, path: string): readonly Json[] {
  if (!Array.isArray(value)) throw new ShapeError(path, 'a list');
  return value;
}

function string(value: Json, path: string): string {
  if (typeof value !== 'string') throw new ShapeError(path, 'a string');
  return value;
}

function optionalString(value: Json, path: string): void {
  if (value !== undefined) string(value, path);
}

function number(value: Json, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ShapeError(path, 'a number');
  return value;
}

function positive(value: Json, path: string): number {
  const n = number(value, path);
  if (n <= 0) throw new ShapeError(path, 'a positive number');
  return n;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function date(value: Json, path: string): string {
  const s = string(value, path);
  if (!DATE.test(s)) throw new ShapeError(path, 'a date written YYYY-MM-DD');
  return s;
}

function box(value: Json, path: string): void {
  const items = array(value, path);
  if (items.length !== 4) throw new ShapeError(path, 'a box [x, y, width, height]');
  items.forEach((n, i) => number(n, `${path}[${i}]`));
}

function fileRef(value: Json, path: string): void {
  const o = object(value, path);
  string(o.url, `${path}.url`);
}

/** Checks that `value` is a catalog with at least one edition. */
export function checkCatalog(value: Json): Catalog {
  const o = object(value, 'catalog');
  const editions = array(o.editions, 'editions');
  if (editions.length === 0) throw new ShapeError('editions', 'a list with at least one edition');
  editions.forEach((entry, i) => {
    const e = object(entry, `editions[${i}]`);
    date(e.date, `editions[${i}].date`);
    string(e.title, `editions[${i}].title`);
    string(e.manifest, `editions[${i}].manifest`);
  });
  return value as Catalog;
}

/** Checks that `value` is an edition manifest of format 1 with at least one page. */
export function checkManifest(value: Json): EditionManifest {
  const o = object(value, 'manifest');
  if (o.format !== 1) throw new ShapeError('format', '1 (this viewer reads format 1)');
  date(o.date, 'date');
  string(o.title, 'title');
  const publication = object(o.publication, 'publication');
  string(publication.name, 'publication.name');
  const pages = array(o.pages, 'pages');
  if (pages.length === 0) throw new ShapeError('pages', 'a list with at least one page');
  pages.forEach((entry, i) => {
    const p = object(entry, `pages[${i}]`);
    if (p.number !== i + 1) throw new ShapeError(`pages[${i}].number`, `${i + 1}`);
    string(p.label, `pages[${i}].label`);
    positive(p.width, `pages[${i}].width`);
    positive(p.height, `pages[${i}].height`);
    fileRef(p.pdf, `pages[${i}].pdf`);
    if (p.preview !== undefined) fileRef(p.preview, `pages[${i}].preview`);
    array(p.links ?? [], `pages[${i}].links`).forEach((link, j) => {
      const l = object(link, `pages[${i}].links[${j}]`);
      box(l.box, `pages[${i}].links[${j}].box`);
      number(l.page, `pages[${i}].links[${j}].page`);
    });
  });
  array(o.sections ?? [], 'sections').forEach((entry, i) => {
    const s = object(entry, `sections[${i}]`);
    string(s.id, `sections[${i}].id`);
    string(s.title, `sections[${i}].title`);
    number(s.firstPage, `sections[${i}].firstPage`);
  });
  array(o.articles ?? [], 'articles').forEach((entry, i) => {
    const a = object(entry, `articles[${i}]`);
    string(a.id, `articles[${i}].id`);
    string(a.headline, `articles[${i}].headline`);
    for (const key of ['kicker', 'deck', 'byline', 'bio'] as const) optionalString(a[key], `articles[${i}].${key}`);
    array(a.body, `articles[${i}].body`);
    array(a.placements, `articles[${i}].placements`).forEach((placement, j) => {
      const pl = object(placement, `articles[${i}].placements[${j}]`);
      number(pl.page, `articles[${i}].placements[${j}].page`);
      array(pl.boxes, `articles[${i}].placements[${j}].boxes`).forEach((b, k) => box(b, `articles[${i}].placements[${j}].boxes[${k}]`));
    });
  });
  return value as EditionManifest;
}
