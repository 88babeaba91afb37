import { SourceError } from './errors.js';
import { readBytes, type ReadBytes } from './read-bytes.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads a text file that must be UTF-8; a BOM is dropped, CRLF becomes LF. */
export async function readTextFile(path: string, display: string, read: ReadBytes = readBytes): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await read(path);
  } catch (error) {
    throw new SourceError(display, undefined, undefined, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    // Find the first invalid byte to name its line.
    let good = 0;
    for (let end = 1; end <= bytes.length; end++) {
      try {
        decoder.decode(bytes.subarray(0, end));
        good = end;
      } catch {
        if (end - good > 4) break;
      }
    }
    const line = new TextDecoder().decode(bytes.subarray(0, good)).split('\n').length;
    throw new SourceError(display, line, undefined, 'the file is not valid UTF-8 text', 'save it as UTF-8');
  }
}
