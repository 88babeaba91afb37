/**
 * The messages between the page and the save worker (`save-worker.ts`).
 * Errors cross as plain data (a structured clone keeps no class), and the
 * page makes them `OfflineError`s again.
 */
import type { CatalogEntry, EditionManifest } from '../manifest/types.js';
import { OFFLINE_ERROR_CODES, OfflineError, type OfflineErrorCode } from './errors.js';
import type { SaveOptions, SaveProgress } from './save.js';
import type { SavedEdition } from './store.js';

export type SaveRequest =
  | {
      readonly type: 'save';
      readonly id: number;
      readonly catalogUrl: string;
      readonly entry: CatalogEntry;
      readonly request?: SaveOptions['request'];
      readonly manifest?: EditionManifest;
    }
  | { readonly type: 'abort'; readonly id: number };

export type SaveReply =
  | { readonly type: 'progress'; readonly id: number; readonly progress: SaveProgress }
  | { readonly type: 'saved'; readonly id: number; readonly saved: SavedEdition }
  | { readonly type: 'failed'; readonly id: number; readonly failure: Failure };

/** A failed save as data. */
export type Failure =
  | { readonly kind: 'offline'; readonly code: OfflineErrorCode; readonly date: string; readonly message: string }
  | { readonly kind: 'abort'; readonly message: string }
  | { readonly kind: 'other'; readonly name: string; readonly message: string };

export function toFailure(error: unknown): Failure {
  if (error instanceof OfflineError) return { kind: 'offline', code: error.code, date: error.date, message: error.message };
  if (error instanceof DOMException && error.name === 'AbortError') return { kind: 'abort', message: error.message };
  if (error instanceof Error) return { kind: 'other', name: error.name, message: error.message };
  return { kind: 'other', name: 'Error', message: String(error) };
}

export function fromFailure(failure: Failure): Error {
  switch (failure.kind) {
    case 'offline':
      return OFFLINE_ERROR_CODES.includes(failure.code) ? new OfflineError(failure.code, failure.date, failure.message) : new Error(failure.message);
    case 'abort':
      return new DOMException(failure.message, 'AbortError');
    case 'other':
      return Object.assign(new Error(failure.message), { name: failure.name });
  }
}
