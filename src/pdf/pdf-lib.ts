/**
 * pdf-lib, loaded from its single-file build (`dist/pdf-lib.min.js`) with
 * `require`. The package's CommonJS entry is a tree of about 140 modules, and
 * Node resolves, reads and compiles each of them: 140–170 ms on a 2-core
 * machine against 40–60 ms for the one file, on every `epaper build`. (And
 * importing CommonJS from an ES module would make Node scan it for export
 * names first.) Everything else takes pdf-lib from here: objects of the
 * bundle's classes and of the package entry's are not interchangeable
 * (`instanceof`, names as dictionary keys), so code that hands pdf-lib objects
 * to ours must get its classes here too.
 */
import { createRequire } from 'node:module';
import type * as PdfLib from 'pdf-lib';

const require = createRequire(import.meta.url);

export const pdfLib = require('pdf-lib/dist/pdf-lib.min.js') as typeof PdfLib;
