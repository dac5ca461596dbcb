// The limits on what an upload or a spreadsheet may be, shared by the API, the parsers and the CLI.

const MB = 1024 * 1024;

/** The largest request body (and file the CLI imports): 25 MB. */
export const UPLOAD_LIMIT_BYTES = 25 * MB;
/**
 * A ZIP (an XLSX is one) whose entries unpack to more than this is refused before it is read.
 * exceljs holds about 15 times the unpacked size while reading, so 120 MB keeps one read under
 * about 1.8 GB, well inside Node's default heap (about 4 GB here); about 150,000 rows fit.
 */
export const MAX_UNPACKED_BYTES = 120 * MB;
/** Data rows per sheet (the header row not counted). */
export const MAX_ROWS_PER_SHEET = 100_000;

/** `25 MB`, `312.4 MB`: sizes in messages. */
export function formatMB(bytes: number): string {
  const mb = bytes / MB;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
