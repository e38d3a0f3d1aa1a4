import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';

/**
 * Plus Jakarta Sans, the product's typeface, from the @fontsource package the client uses too (never fetched at run
 * time): its Latin subset, which has every letter of Bahasa Indonesia and English. The package ships WOFF, which
 * fontkit (inside pdfkit) reads but re-inflates table by table for every glyph it looks at, and a font handed to
 * pdfkit as bytes is parsed again (with its kerning tables) for every document — about 0.3 s per weight per
 * certificate. So each file is unwrapped once into the plain TrueType it wraps (WOFF 1.0: zlib-compressed tables of
 * an sfnt) and parsed once per process; pdfkit takes the parsed font and embeds a subset of it in each document.
 */
const require = createRequire(import.meta.url);
const FONT_FILES = join(dirname(require.resolve('@fontsource/plus-jakarta-sans/package.json')), 'files');

/** WOFF 1.0 → the sfnt (TrueType/OpenType) it wraps: the same tables, uncompressed, with an sfnt directory. */
function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 file');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: Buffer; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    tables.push({ tag: woff.subarray(at, at + 4), checksum: woff.readUInt32BE(at + 16), data: compLength < origLength ? inflateSync(raw) : Buffer.from(raw) });
  }
  const pad = (n: number) => (n + 3) & ~3;
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + 16 * numTables);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  let offset = header.length;
  const bodies: Buffer[] = [];
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    t.tag.copy(header, at);
    header.writeUInt32BE(t.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(t.data.length, at + 12);
    const body = Buffer.alloc(pad(t.data.length));
    t.data.copy(body);
    bodies.push(body);
    offset += body.length;
  });
  return Buffer.concat([header, ...bodies]);
}

export type FontWeight = 400 | 500 | 600 | 800;
const cache = new Map<FontWeight, fontkit.Font>();

/** One weight, read, unwrapped and parsed once per process (a fontkit font: pdfkit's `font()` takes it as is). */
export function plusJakartaSans(weight: FontWeight): fontkit.Font {
  let font = cache.get(weight);
  if (!font) {
    const sfnt = woffToSfnt(readFileSync(join(FONT_FILES, `plus-jakarta-sans-latin-${weight}-normal.woff`)));
    font = fontkit.create(sfnt) as fontkit.Font;
    cache.set(weight, font);
  }
  return font;
}
