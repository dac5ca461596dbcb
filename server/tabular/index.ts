// Spreadsheet import and export (XLSX, CSV): the template's shape, readers, parser and writers (the import use
// case is services/spreadsheet-import.ts).
export { SHEETS, sheetByName, columnLetter, type ColumnSpec, type SheetSpec } from './columns';
export { NotASpreadsheetError, TooLargeError, UnsupportedMediaTypeError } from '../errors';
export { MAX_ROWS_PER_SHEET, MAX_UNPACKED_BYTES, UPLOAD_LIMIT_BYTES, formatMB } from '../model/limits';
export { readSpreadsheet, type Upload, type UploadFormat } from './open';
export { parseSpreadsheet, type ParsedSpreadsheet } from './parse';
export type { Warning } from './raw';
export { toCsvZip, toXlsx } from './write';
