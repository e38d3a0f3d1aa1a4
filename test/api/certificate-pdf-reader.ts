import { inflateSync } from 'node:zlib';
import jsqr from 'jsqr';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Reads a certificate PDF the way a test needs it, with libraries only (no system tools): its page size and text
 * (pdf.js), its fonts and its images (pdf-lib), and any QR code among the images (decoded with jsQR).
 */
/** jsQR is CommonJS with a `default` export: Node's ESM import hands over module.exports, TypeScript's types the namespace. */
const jsQR = ((jsqr as unknown as { default?: unknown }).default ?? jsqr) as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

export interface ReadPdf {
  pages: number;
  width: number;
  height: number;
  text: string;
  /** BaseFont names, with whether each embeds its font program. */
  fonts: { name: string; embedded: boolean }[];
  /** What the QR codes among the page's images say. */
  qrCodes: string[];
  images: number;
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0, useSystemFonts: false });
  const js = await task.promise;
  const page = await js.getPage(1);
  const content = await page.getTextContent();
  const text = content.items.map((i) => ('str' in i ? i.str : '')).join(' ').replace(/\s+/g, ' ');
  const [x0, y0, x1, y1] = page.view;
  const pages = js.numPages;
  await task.destroy();

  const pdf = await PDFDocument.load(bytes);
  const resources = pdf.getPage(0).node.Resources()!;
  const fonts: ReadPdf['fonts'] = [];
  const fontDict = resources.lookup(PDFName.of('Font'), PDFDict);
  for (const [, ref] of fontDict?.entries() ?? []) {
    const font = pdf.context.lookup(ref, PDFDict);
    const name = font.lookup(PDFName.of('BaseFont'), PDFName).asString().replace(/^\//, '');
    const descendants = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray);
    const described = descendants ? descendants.lookup(0, PDFDict) : font;
    const descriptor = described.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    const embedded = !!descriptor && ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.has(PDFName.of(k)));
    fonts.push({ name, embedded });
  }
  const qrCodes: string[] = [];
  let images = 0;
  const xobjects = resources.lookup(PDFName.of('XObject'), PDFDict);
  for (const [, ref] of xobjects?.entries() ?? []) {
    const stream = pdf.context.lookup(ref);
    if (!(stream instanceof PDFRawStream) || stream.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    images++;
    const rgba = imageRgba(stream);
    if (!rgba) continue;
    const found = jsQR(rgba.data, rgba.width, rgba.height);
    if (found) qrCodes.push(found.data);
  }
  return { pages, width: x1 - x0, height: y1 - y0, text, fonts, qrCodes, images };
}

/** An image XObject as RGBA pixels: Flate-decoded, PNG predictors undone; DeviceGray or DeviceRGB, 8 bits. Null otherwise. */
function imageRgba(stream: PDFRawStream): { data: Uint8ClampedArray; width: number; height: number } | null {
  const dict = stream.dict;
  const width = dict.lookup(PDFName.of('Width'), PDFNumber).asNumber();
  const height = dict.lookup(PDFName.of('Height'), PDFNumber).asNumber();
  const bits = dict.lookupMaybe(PDFName.of('BitsPerComponent'), PDFNumber)?.asNumber() ?? 8;
  const space = dict.lookupMaybe(PDFName.of('ColorSpace'), PDFName);
  if (dict.lookupMaybe(PDFName.of('Filter'), PDFName) !== PDFName.of('FlateDecode') || bits !== 8 || !space) return null;
  const colors = space === PDFName.of('DeviceGray') ? 1 : space === PDFName.of('DeviceRGB') ? 3 : 0;
  if (!colors) return null;
  let pixels: Buffer = inflateSync(stream.contents);
  const parms = dict.lookupMaybe(PDFName.of('DecodeParms'), PDFDict);
  const predictor = parms?.lookupMaybe(PDFName.of('Predictor'), PDFNumber)?.asNumber() ?? 1;
  if (predictor >= 10) pixels = unfilterPng(pixels, width, height, colors);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const [r, g, b] = colors === 1 ? [pixels[i], pixels[i], pixels[i]] : [pixels[i * 3], pixels[i * 3 + 1], pixels[i * 3 + 2]];
    data.set([r, g, b, 255], i * 4);
  }
  return { data, width, height };
}

/** PNG row filters (None, Sub, Up, Average, Paeth), each row led by its filter byte. */
function unfilterPng(input: Buffer, width: number, height: number, bpp: number): Buffer {
  const stride = width * bpp;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = input[y * (stride + 1)];
    const row = input.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[y * stride + x - bpp] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp] : 0;
      let v = row[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = v & 0xff;
    }
  }
  return out;
}
