import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** Reads a file's bytes. */
export type ReadBytes = (path: string) => Promise<Uint8Array>;

export const readBytes: ReadBytes = (path) => readFile(path);

/**
 * A reader that reads each file once however often it is asked: a build
 * hashes an edition's inputs (to skip it when none changed) and then parses
 * them, and with this both see the same bytes, read once.
 */
export function readOnce(read: ReadBytes = readBytes): ReadBytes {
  const reads = new Map<string, Promise<Uint8Array>>();
  return (path) => {
    const key = resolve(path);
    let bytes = reads.get(key);
    if (!bytes) reads.set(key, (bytes = read(path)));
    return bytes;
  };
}
