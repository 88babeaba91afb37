/**
 * Why saving or reading a saved edition failed, each with a message a reader
 * can act on. `code` lets the viewer choose what to show without parsing text.
 */
import type { IsoDate } from '../manifest/types.js';

export const OFFLINE_ERROR_CODES = ['network', 'integrity', 'quota', 'storage'] as const;
export type OfflineErrorCode = (typeof OFFLINE_ERROR_CODES)[number];

export class OfflineError extends Error {
  override name = 'OfflineError';
  constructor(
    readonly code: OfflineErrorCode,
    readonly date: IsoDate,
    message: string,
  ) {
    super(message);
  }
}

/** Whether `error` is IndexedDB saying the origin's storage is full. */
export function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

/** `error` from storing the edition of `date`, as an `OfflineError`. */
export function storageError(error: unknown, date: IsoDate): OfflineError {
  if (error instanceof OfflineError) return error;
  if (isQuotaError(error)) {
    return new OfflineError('quota', date, `There is not enough storage space to save the edition of ${date}. Delete a saved edition and try again; the editions already saved are unchanged.`);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new OfflineError('storage', date, `The edition of ${date} could not be stored on this device (${detail}).`);
}
