import type { PDFContext, PDFRef } from 'pdf-lib';
import { pdfLib } from './pdf-lib.js';

const { PDFHexString, PDFName } = pdfLib;

/**
 * An image ready to embed, encoded once per build and embedded as is into
 * every PDF that shows it (the whole edition and each one-page PDF). pdf-lib
 * would decode and recompress a PNG for every document it goes into.
 */
export type PdfImage =
  | {
      readonly type: 'jpeg';
      readonly bytes: Uint8Array;
      readonly width: number;
      readonly height: number;
      /** 1 (grey), 3 (RGB) or 4 (CMYK). */
      readonly components: number;
    }
  | {
      /**
       * A PNG's own compressed image data, embedded without decoding: PDF's
       * Flate filter understands PNG row predictors (ISO 32000-1 §7.4.4.4).
       */
      readonly type: 'png-data';
      readonly width: number;
      readonly height: number;
      readonly bitsPerComponent: number;
      /** 1 (grey or palette index) or 3 (RGB). */
      readonly colors: 1 | 3;
      /** RGB triples of a palette image. */
      readonly palette?: Uint8Array;
      /** The concatenated IDAT chunks. */
      readonly data: Uint8Array;
    }
  | {
      readonly type: 'raw';
      readonly width: number;
      readonly height: number;
      /** Zlib-compressed 8-bit RGB samples. */
      readonly rgb: Uint8Array;
      /** Zlib-compressed 8-bit alpha samples, absent when the image is opaque. */
      readonly alpha?: Uint8Array;
    };

const COLOR_SPACES: Readonly<Record<number, string>> = { 1: 'DeviceGray', 3: 'DeviceRGB', 4: 'DeviceCMYK' };

/** Registers an image XObject (ISO 32000-1 §8.9.5) and returns its reference. */
export function embedImage(context: PDFContext, image: PdfImage): PDFRef {
  if (image.type === 'jpeg') {
    const stream = context.stream(image.bytes, {
      Type: 'XObject',
      Subtype: 'Image',
      Width: image.width,
      Height: image.height,
      BitsPerComponent: 8,
      ColorSpace: COLOR_SPACES[image.components] ?? 'DeviceRGB',
      Filter: 'DCTDecode',
      // Adobe's CMYK JPEGs are stored inverted (pdf.js and pdf-lib do the same).
      ...(image.components === 4 ? { Decode: [1, 0, 1, 0, 1, 0, 1, 0] } : {}),
    });
    return context.register(stream);
  }
  if (image.type === 'png-data') {
    const colorSpace = image.palette
      ? context.obj(['Indexed', 'DeviceRGB', image.palette.length / 3 - 1, PDFHexString.of(hexOf(image.palette))])
      : image.colors === 3
        ? 'DeviceRGB'
        : 'DeviceGray';
    const stream = context.stream(image.data, {
      Type: 'XObject',
      Subtype: 'Image',
      Width: image.width,
      Height: image.height,
      BitsPerComponent: image.bitsPerComponent,
      ColorSpace: colorSpace,
      Filter: 'FlateDecode',
      DecodeParms: { Predictor: 15, Colors: image.colors, BitsPerComponent: image.bitsPerComponent, Columns: image.width },
    });
    return context.register(stream);
  }
  const smask = image.alpha
    ? context.register(
        context.stream(image.alpha, {
          Type: 'XObject',
          Subtype: 'Image',
          Width: image.width,
          Height: image.height,
          BitsPerComponent: 8,
          ColorSpace: 'DeviceGray',
          Filter: 'FlateDecode',
        }),
      )
    : undefined;
  const stream = context.stream(image.rgb, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: image.width,
    Height: image.height,
    BitsPerComponent: 8,
    ColorSpace: 'DeviceRGB',
    Filter: 'FlateDecode',
  });
  if (smask) stream.dict.set(PDFName.of('SMask'), smask);
  return context.register(stream);
}

function hexOf(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}
