// Spreadsheet import and export (XLSX, CSV): the template's shape, readers, parser, writers and the import use case.
export { SHEETS, sheetByName, columnLetter, type ColumnSpec, type SheetSpec } from './columns';
export { NotASpreadsheetError, TooLargeError, UnsupportedMediaTypeError } from '../errors';
export { importParsed, importSpreadsheet, parseUpload, type ImportPhase, type ImportProgress, type SpreadsheetImportResult } from './import';
export { MAX_ROWS_PER_SHEET, MAX_UNPACKED_BYTES, UPLOAD_LIMIT_BYTES, formatMB } from '../model/limits';
export { readSpreadsheet, type Upload, type UploadFormat } from './open';
export { parseSpreadsheet, type ParsedSpreadsheet } from './parse';
export type { Warning } from './raw';
export { toCsvZip, toXlsx } from './write';
