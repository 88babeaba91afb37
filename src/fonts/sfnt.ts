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
    const tag = String.fromCharCode(bytes[entry]!, bytes[entry + 1]!, bytes[entry + 2]!, bytes[entry + 3]!);
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
