/**
 * pdf-lib, loaded with `require`. The package is CommonJS, and importing
 * CommonJS from an ES module makes Node scan the package's source (and every
 * file it re-exports) for export names before running it: on a 2-core
 * machine 100 ms instead of 57, on every `epaper build`. Everything else
 * imports it from here.
 */
import { createRequire } from 'node:module';
import type * as PdfLib from 'pdf-lib';

const require = createRequire(import.meta.url);

export const pdfLib = require('pdf-lib') as typeof PdfLib;
