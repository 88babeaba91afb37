import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Reads a file's bytes. */
export type ReadBytes = (path: string) => Promise<Uint8Array>;

/**
 * Read synchronously, behind the same promise: an edition's inputs are some
 * sixty small files, and the build has nothing to do while they arrive.
 * Node's promise-based `readFile` goes to libuv's thread pool and back four
 * times a file (open, stat, read, close), with a file handle object made
 * and closed each time: in a cold build that cost about 30 ms of the main
 * thread's time more than reading them outright (16 paired runs).
 */
export const readBytes: ReadBytes = async (path) => readFileSync(path);

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
