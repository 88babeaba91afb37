import { inflateSync } from 'node:zlib';
import { dataView, FontError, tagAt, writeSfnt, type Sfnt } from '../fonts/sfnt.js';

/**
 * A WOFF 1.0 font (W3C, "WOFF File Format 1.0", 2012) as the `Sfnt` it
 * wraps: font packages ship WOFF, and the font readers (`fonts/`) and the
 * PDF's embedded subsets work on OpenType tables. Each table is unpacked the
 * first time it is asked for: a build reads a few tables of every face but
 * the glyph outlines only of the faces it draws, and unpacking every table of
 * fifteen files up front, then writing them out as fonts, was most of the
 * time the fonts took to load. `bytes` writes the font out when asked for.
 */
export function woffSfnt(file: Uint8Array, name: string): Sfnt {
  // A plain view of the bytes, not a Node Buffer: a table the font is stored
  // in uncompressed is a view into them, and a Buffer's `slice` is a view
  // too, where readers expect `slice` to copy (the subsetter edits a copy of
  // `head`, and a Buffer's edit reached the face every later subset reads).
  const woff = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
  const view = dataView(woff);
  if (woff.length < 44 || view.getUint32(0) !== 0x774f4646) throw new FontError(name, 'not a WOFF 1.0 font (bad signature)');
  const flavor = view.getUint32(4);
  const numTables = view.getUint16(12);
  const entries = new Map<string, { readonly offset: number; readonly compLength: number; readonly origLength: number }>();
  for (let i = 0; i < numTables; i++) {
    const entry = 44 + i * 20;
    entries.set(tagAt(view, entry), { offset: view.getUint32(entry + 4), compLength: view.getUint32(entry + 8), origLength: view.getUint32(entry + 12) });
  }
  const tags = [...entries.keys()];
  const unpacked = new Map<string, Uint8Array>();
  const table = (tag: string): Uint8Array | undefined => {
    let data = unpacked.get(tag);
    const entry = entries.get(tag);
    if (data || !entry) return data;
    const raw = woff.subarray(entry.offset, entry.offset + entry.compLength);
    data = entry.compLength < entry.origLength ? new Uint8Array(inflateSync(raw)) : raw;
    if (data.length !== entry.origLength) throw new FontError(name, `WOFF table '${tag}' unpacks to ${data.length} bytes, expected ${entry.origLength}`);
    unpacked.set(tag, data);
    return data;
  };
  let bytes: Uint8Array | undefined;
  return {
    name,
    get bytes() {
      return (bytes ??= writeSfnt(new Map(tags.map((tag) => [tag, table(tag)!])), flavor));
    },
    tags,
    table,
    required(tag) {
      const data = table(tag);
      if (!data) throw new FontError(name, `has no '${tag}' table`);
      return data;
    },
  };
}
