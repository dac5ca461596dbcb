// The limits on what an upload or a spreadsheet may be, shared by the API, the parsers and the CLI.

const MB = 1024 * 1024;

/** The largest request body (and file the CLI imports): 25 MB. */
export const UPLOAD_LIMIT_BYTES = 25 * MB;
/**
 * A ZIP (an XLSX is one) whose entries unpack to more than this is refused before it is read: the bytes
 * really inflated are counted as they come out (the sizes a ZIP header claims are never trusted).
 * exceljs holds about 15 times the unpacked size while reading, so 120 MB keeps one read under
 * about 1.8 GB, well inside Node's default heap (about 4 GB here); about 150,000 rows fit.
 */
export const MAX_UNPACKED_BYTES = 120 * MB;
/** Data rows per sheet (the header row not counted); reading stops at the first row past it. */
export const MAX_ROWS_PER_SHEET = 100_000;
/** Cells per sheet, empty ones inside a CSV row included (the template has fewer than 30 columns). */
export const MAX_CELLS_PER_SHEET = 5_000_000;
/** Nesting levels of a JSON or YAML body (a map document nests 4 deep). */
export const MAX_NESTING_DEPTH = 64;
/** Problems listed in an error answer; the answer also says how many there are in all. */
export const MAX_PROBLEMS_SHOWN = 100;

/** `25 MB`, `312.4 MB`: sizes in messages. */
export function formatMB(bytes: number): string {
  const mb = bytes / MB;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
