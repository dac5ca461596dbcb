// The errors a spreadsheet upload can end in before any row is read: not a spreadsheet (415), too large (413).
// They are AppErrors, so the one error middleware answers them like any other.
import { AppError } from '../errors';

/** The bytes are not a workbook or CSV at all (random bytes, a PDF, a Word document, text sent as XLSX). */
export class NotASpreadsheetError extends AppError {
  readonly status = 415;
  readonly code = 'not_a_spreadsheet';
}

/** Too large to read: over the upload limit, or a ZIP that unpacks to an absurd size. */
export class TooLargeError extends AppError {
  readonly status = 413;
  readonly code = 'too_large';
  /** Figures for the answer, e.g. `limitBytes` and `inflatedBytes` (the bytes really unpacked before it stopped). */
  constructor(message: string, readonly details: Record<string, number> = {}) {
    super(message);
  }
}

/** A request body of a type the endpoint does not take. */
export class UnsupportedMediaTypeError extends AppError {
  readonly status = 415;
  readonly code = 'unsupported_media_type';
}
