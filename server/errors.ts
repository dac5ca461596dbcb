// Typed application errors. One error middleware maps them to HTTP; nothing else leaks out.
import type { Problem } from './model/document';

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = 'not_found';
}

/** Bad input: every problem names the field (and the item, inside documents). */
export class ValidationError extends AppError {
  readonly status = 400;
  readonly code = 'validation_failed';
  constructor(
    message: string,
    readonly problems: Problem[],
  ) {
    super(message);
  }
}

/** A version mismatch, an existing key, or dependants that block a delete. */
export class ConflictError extends AppError {
  readonly status = 409;
  readonly code: string;
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
    code = 'conflict',
  ) {
    super(message);
    this.code = code;
  }
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly code = 'forbidden';
}

export class StoreUnavailableError extends AppError {
  readonly status = 503;
  readonly code = 'store_unavailable';
}

// The errors a spreadsheet upload can end in before any row is read: not a spreadsheet (415), too large (413).

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
  constructor(
    message: string,
    readonly details: Record<string, number> = {},
  ) {
    super(message);
  }
}

/** A request body of a type the endpoint does not take. */
export class UnsupportedMediaTypeError extends AppError {
  readonly status = 415;
  readonly code = 'unsupported_media_type';
}
