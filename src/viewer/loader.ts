/**
 * Fetching what the edition build wrote: the catalog, an edition's manifest
 * and the one-page PDFs. Every failure becomes an `EditionLoadError` whose
 * message a reader can act on; the viewer shows it and fires `epaper-error`.
 */
import type { Catalog, EditionManifest } from '../manifest/types.js';
import type { ErrorCode, ErrorScope } from './events.js';
import { ShapeError, checkCatalog, checkManifest } from './validate.js';

export class EditionLoadError extends Error {
  override name = 'EditionLoadError';
  constructor(
    readonly scope: ErrorScope,
    readonly code: ErrorCode,
    readonly url: string,
    message: string,
    readonly page?: number,
  ) {
    super(message);
  }
}

const WHAT: Record<ErrorScope, string> = {
  catalog: 'The list of editions',
  edition: 'This edition',
  page: 'This page',
};

function describe(scope: ErrorScope, page?: number): string {
  return scope === 'page' && page !== undefined ? `Page ${page}` : WHAT[scope];
}

/** `url` resolved against `base` (itself relative to the document). */
export function resolveUrl(url: string, base: string): string {
  return new URL(url, new URL(base, document.baseURI)).href;
}

/**
 * How requests for edition files are made: whether they carry cookies and
 * which extra headers they send, so that a paywalled server can authorise a
 * subscriber (`credentials` and `requestHeaders` on the element).
 */
export interface RequestPolicy {
  readonly credentials?: RequestCredentials;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The browser's default for `fetch`: cookies to the page's own origin only. */
export const DEFAULT_REQUESTS: RequestPolicy = { credentials: 'same-origin' };

async function request(url: string, scope: ErrorScope, policy: RequestPolicy, signal?: AbortSignal, page?: number): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: policy.credentials ?? 'same-origin', headers: policy.headers });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new EditionLoadError(scope, 'network', url, `${describe(scope, page)} could not be loaded: the server did not answer. Check the connection and try again.`, page);
  }
  if (response.status === 401 || response.status === 403) {
    throw new EditionLoadError(scope, 'unauthorized', url, `${describe(scope, page)} is for subscribers: the server refused it (${response.status}). Sign in and try again.`, page);
  }
  if (response.status === 404 || response.status === 410) {
    throw new EditionLoadError(scope, 'not-found', url, `${describe(scope, page)} was not found on the server (${response.status}).`, page);
  }
  if (!response.ok) {
    throw new EditionLoadError(scope, 'http', url, `${describe(scope, page)} could not be loaded: the server answered ${response.status}. Try again later.`, page);
  }
  return response;
}

async function json(url: string, scope: ErrorScope, policy: RequestPolicy, signal?: AbortSignal): Promise<unknown> {
  const response = await request(url, scope, policy, signal);
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new EditionLoadError(scope, 'malformed', url, `${describe(scope)} is damaged: its file is not valid JSON.`);
  }
}

function checked<T>(scope: ErrorScope, url: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    throw new EditionLoadError(scope, 'malformed', url, `${describe(scope)} is damaged: ${error.message}.`);
  }
}

/** Fetches and checks the catalog at `url`. */
export async function loadCatalog(url: string, signal?: AbortSignal, policy = DEFAULT_REQUESTS): Promise<Catalog> {
  const value = await json(url, 'catalog', policy, signal);
  return checked('catalog', url, () => checkCatalog(value));
}

/** Fetches and checks the edition manifest at `url`. */
export async function loadManifest(url: string, signal?: AbortSignal, policy = DEFAULT_REQUESTS): Promise<EditionManifest> {
  const value = await json(url, 'edition', policy, signal);
  return checked('edition', url, () => checkManifest(value));
}

/** Fetches the bytes of page `page`'s PDF; the PDF is checked when pdf.js opens it. */
export async function loadPdfBytes(url: string, page: number, signal?: AbortSignal, policy = DEFAULT_REQUESTS): Promise<Uint8Array> {
  const response = await request(url, 'page', policy, signal, page);
  return new Uint8Array(await response.arrayBuffer());
}

/** The error pdf.js's failure to open page `page` becomes. */
export function pdfError(url: string, page: number): EditionLoadError {
  return new EditionLoadError('page', 'pdf', url, `Page ${page} could not be displayed: its PDF is damaged.`, page);
}

/** Anything thrown while loading, as an `EditionLoadError` of `scope`. */
export function asLoadError(error: unknown, scope: ErrorScope, url: string, page?: number): EditionLoadError {
  if (error instanceof EditionLoadError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new EditionLoadError(scope, 'network', url, `${describe(scope, page)} could not be loaded: ${message}`, page);
}
