/**
 * The table directory of an OpenType font (OpenType spec, "Font file",
 * table directory): which tables the font has and where their bytes are.
 * Every reader in `fonts/` starts here. Plain TrueType/OpenType bytes only:
 * the build unpacks WOFF first (`build/woff.ts`).
 */

/** A font that cannot be read, or lacks what the reader needs; names the font and the table. */
export class FontError extends Error {
  override readonly name = 'FontError';
  constructor(
    readonly font: string,
    message: string,
  ) {
    super(`${font}: ${message}`);
  }
}

export interface Sfnt {
  /** Name of the font for error messages (its file, say). */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Tags of the tables the font has, in directory order. */
  readonly tags: readonly string[];
  /** A table's bytes, or undefined when the font has no such table. */
  table(tag: string): Uint8Array | undefined;
  /** A table's bytes; a missing table is a `FontError`. */
  required(tag: string): Uint8Array;
}

const TRUETYPE = 0x00010000;
const OPENTYPE_CFF = 0x4f54544f; // 'OTTO'
const APPLE_TRUE = 0x74727565; // 'true'

/** Reads the table directory of `bytes`, a TrueType or OpenType font. */
export function readSfnt(bytes: Uint8Array, name: string): Sfnt {
  if (bytes.length < 12) throw new FontError(name, 'too short to be a font');
  const view = dataView(bytes);
  const version = view.getUint32(0);
  if (version !== TRUETYPE && version !== OPENTYPE_CFF && version !== APPLE_TRUE) {
    throw new FontError(name, `not a TrueType or OpenType font (version 0x${version.toString(16)})`);
  }
  const count = view.getUint16(4);
  if (bytes.length < 12 + count * 16) throw new FontError(name, 'table directory cut short');
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const entry = 12 + i * 16;
    const tag = tagAt(view, entry);
    const offset = view.getUint32(entry + 8);
    const length = view.getUint32(entry + 12);
    if (offset + length > bytes.length) throw new FontError(name, `table '${tag}' runs past the end of the file`);
    tables.set(tag, bytes.subarray(offset, offset + length));
  }
  return {
    name,
    bytes,
    tags: [...tables.keys()],
    table: (tag) => tables.get(tag),
    required(tag) {
      const table = tables.get(tag);
      if (!table) throw new FontError(name, `has no '${tag}' table`);
      return table;
    },
  };
}

/** A big-endian view of `bytes` (OpenType stores every number big-endian). */
export function dataView(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The four-character tag at `at` (tables, scripts, features). */
export function tagAt(view: DataView, at: number): string {
  return String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
}

/**
 * Writes tables as a font file: the directory sorted by tag, each table
 * padded to four bytes with its checksum, and `head.checkSumAdjustment` set
 * so that the whole file sums to 0xB1B0AFBA (OpenType spec, "head").
 * `flavor` is the file's version: TrueType outlines unless told otherwise.
 */
export function writeSfnt(tables: ReadonlyMap<string, Uint8Array>, flavor = TRUETYPE): Uint8Array {
  const tags = [...tables.keys()].sort();
  const headerSize = 12 + tags.length * 16;
  const total = tags.reduce((sum, tag) => sum + pad4(tables.get(tag)!.length), headerSize);
  const out = new Uint8Array(total);
  const view = dataView(out);
  let searchRange = 1;
  let entrySelector = 0;
  while (searchRange * 2 <= tags.length) {
    searchRange *= 2;
    entrySelector++;
  }
  view.setUint32(0, flavor);
  view.setUint16(4, tags.length);
  view.setUint16(6, searchRange * 16);
  view.setUint16(8, entrySelector);
  view.setUint16(10, tags.length * 16 - searchRange * 16);
  let offset = headerSize;
  let headOffset = -1;
  tags.forEach((tag, i) => {
    const table = tables.get(tag)!;
    const entry = 12 + i * 16;
    for (let k = 0; k < 4; k++) view.setUint8(entry + k, tag.charCodeAt(k));
    out.set(table, offset);
    // head's own checksum counts its checkSumAdjustment as 0.
    if (tag === 'head' && table.length >= 12) {
      headOffset = offset;
      view.setUint32(offset + 8, 0);
    }
    view.setUint32(entry + 4, checksum(out, offset, table.length));
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, table.length);
    offset += pad4(table.length);
  });
  if (headOffset >= 0) view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out, 0, out.length)) >>> 0);
  return out;
}

/** Tables start on four-byte boundaries. */
export function pad4(n: number): number {
  return (n + 3) & ~3;
}

/** Sum of the big-endian 32-bit words of a (zero-padded) byte range, modulo 2³². */
function checksum(bytes: Uint8Array, offset: number, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i += 4) {
    const word = ((bytes[offset + i] ?? 0) << 24) | ((i + 1 < length ? bytes[offset + i + 1]! : 0) << 16) | ((i + 2 < length ? bytes[offset + i + 2]! : 0) << 8) | (i + 3 < length ? bytes[offset + i + 3]! : 0);
    sum = (sum + (word >>> 0)) >>> 0;
  }
  return sum;
}
