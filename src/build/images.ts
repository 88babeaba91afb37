import { deflate as zlibDeflate, deflateSync } from 'node:zlib';
import { createRequire } from 'node:module';
import type upngModule from '@pdf-lib/upng';
import type { PdfImage } from '../pdf/images.js';
import { SourceError } from './errors.js';
import { readBytes, type ReadBytes } from './read-bytes.js';

export interface ImageFile {
  readonly bytes: Uint8Array;
  readonly type: 'jpeg' | 'png';
  readonly width: number;
  readonly height: number;
  /** Colour components of a JPEG (1 grey, 3 RGB, 4 CMYK). */
  readonly components: number;
}

/**
 * Reads a photo or advert and its pixel size from the file's own header:
 * PNG's IHDR chunk, or JPEG's start-of-frame marker. Anything else is
 * refused, since a PDF can embed only these two without re-encoding.
 */
export async function readImage(path: string, display: string, line: number, field: string, read: ReadBytes = readBytes): Promise<ImageFile> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await read(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SourceError(display, line, field, code === 'ENOENT' ? `image not found: ${path.split('/').slice(-2).join('/')}` : `cannot read the image (${code})`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length > 24 && view.getUint32(0) === 0x89504e47 && view.getUint32(12) === 0x49484452) {
    return { bytes, type: 'png', width: view.getUint32(16), height: view.getUint32(20), components: 3 };
  }
  if (bytes.length > 4 && view.getUint16(0) === 0xffd8) {
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) break;
      const marker = bytes[at + 1]!;
      const length = view.getUint16(at + 2);
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { bytes, type: 'jpeg', height: view.getUint16(at + 5), width: view.getUint16(at + 7), components: bytes[at + 9]! };
      }
      at += 2 + length;
    }
    throw new SourceError(display, line, field, 'the JPEG image is damaged (no frame header found)');
  }
  throw new SourceError(display, line, field, 'the image is neither JPEG nor PNG', 'convert it to JPEG (photos) or PNG (graphics)');
}

const require = createRequire(import.meta.url);
let upng: typeof upngModule | undefined;

/**
 * The PNG decoder, loaded on first use: most PNGs go into the PDF
 * undecoded, and the decoder (with pako) costs tens of ms of start-up.
 * Its CommonJS build puts the API on `exports.default`.
 */
function UPNG(): typeof upngModule {
  if (!upng) {
    const loaded = require('@pdf-lib/upng') as { default?: typeof upngModule };
    upng = (loaded.default ?? loaded) as typeof upngModule;
  }
  return upng;
}

/**
 * Native zlib: what the build compresses PDF streams with. Level 5, not the
 * default 6: on the benchmark edition's content streams (1.8 MB of text
 * operators) it takes 30 ms instead of 56 ms for 3 % more bytes.
 */
const ZLIB_OPTIONS = { level: 5 } as const;
const asBytes = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

export const deflate = (bytes: Uint8Array): Uint8Array => asBytes(deflateSync(bytes, ZLIB_OPTIONS));

/** The same on libuv's thread pool, for the pages' content streams: compressed while the main thread writes the next pages. */
export const deflateInBackground = (bytes: Uint8Array): Promise<Uint8Array> =>
  new Promise((resolve, reject) => {
    zlibDeflate(bytes, ZLIB_OPTIONS, (error, out) => (error ? reject(error) : resolve(asBytes(out))));
  });

/**
 * Encodes an image once for every PDF of the build: JPEG goes in as it is;
 * PNG is decoded and its samples compressed once, with the alpha channel
 * kept only when some pixel is not opaque.
 */
export function pdfImage(image: ImageFile): PdfImage {
  if (image.type === 'jpeg') {
    return { type: 'jpeg', bytes: image.bytes, width: image.width, height: image.height, components: image.components };
  }
  const direct = pngData(image.bytes);
  if (direct) return direct;
  const decoded = UPNG().decode(image.bytes.buffer.slice(image.bytes.byteOffset, image.bytes.byteOffset + image.bytes.byteLength) as ArrayBuffer);
  const rgba = new Uint8Array(UPNG().toRGBA8(decoded)[0]!);
  const pixels = decoded.width * decoded.height;
  const rgb = new Uint8Array(pixels * 3);
  const alpha = new Uint8Array(pixels);
  let opaque = true;
  for (let i = 0; i < pixels; i++) {
    rgb[i * 3] = rgba[i * 4]!;
    rgb[i * 3 + 1] = rgba[i * 4 + 1]!;
    rgb[i * 3 + 2] = rgba[i * 4 + 2]!;
    alpha[i] = rgba[i * 4 + 3]!;
    if (alpha[i] !== 255) opaque = false;
  }
  return {
    type: 'raw',
    width: decoded.width,
    height: decoded.height,
    rgb: deflate(rgb),
    ...(opaque ? {} : { alpha: deflate(alpha) }),
  };
}

/**
 * The image data of a PNG that a PDF can take as it is: not interlaced,
 * without alpha, in grey (8 bits), RGB (8 bits) or a palette (PNG spec
 * §11.2.2 IHDR). Returns undefined for the rest, which get decoded.
 */
function pngData(bytes: Uint8Array): PdfImage | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const depth = bytes[24]!;
  const colorType = bytes[25]!;
  const interlace = bytes[28]!;
  if (interlace !== 0) return undefined;
  if (!((colorType === 0 && depth === 8) || (colorType === 2 && depth === 8) || colorType === 3)) return undefined;
  const idat: Uint8Array[] = [];
  let palette: Uint8Array | undefined;
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IDAT') idat.push(data);
    else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') return undefined; // transparency needs a soft mask
    at += 12 + length;
  }
  if (colorType === 3 && !palette) return undefined;
  const total = idat.reduce((sum, chunk) => sum + chunk.length, 0);
  const data = new Uint8Array(total);
  let offset = 0;
  for (const chunk of idat) {
    data.set(chunk, offset);
    offset += chunk.length;
  }
  return {
    type: 'png-data',
    width,
    height,
    bitsPerComponent: depth,
    colors: colorType === 2 ? 3 : 1,
    ...(palette ? { palette } : {}),
    data,
  };
}
