import { readFile } from 'node:fs/promises';
import { SourceError } from './errors.js';

export interface ImageFile {
  readonly bytes: Uint8Array;
  readonly type: 'jpeg' | 'png';
  readonly width: number;
  readonly height: number;
}

/**
 * Reads a photo or advert and its pixel size from the file's own header:
 * PNG's IHDR chunk, or JPEG's start-of-frame marker. Anything else is
 * refused, since a PDF can embed only these two without re-encoding.
 */
export async function readImage(path: string, display: string, line: number, field: string): Promise<ImageFile> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SourceError(display, line, field, code === 'ENOENT' ? `image not found: ${path.split('/').slice(-2).join('/')}` : `cannot read the image (${code})`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length > 24 && view.getUint32(0) === 0x89504e47 && view.getUint32(12) === 0x49484452) {
    return { bytes, type: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length > 4 && view.getUint16(0) === 0xffd8) {
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) break;
      const marker = bytes[at + 1]!;
      const length = view.getUint16(at + 2);
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { bytes, type: 'jpeg', height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
      }
      at += 2 + length;
    }
    throw new SourceError(display, line, field, 'the JPEG image is damaged (no frame header found)');
  }
  throw new SourceError(display, line, field, 'the image is neither JPEG nor PNG', 'convert it to JPEG (photos) or PNG (graphics)');
}
