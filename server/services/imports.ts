// The import use cases: a map document (JSON, YAML) or a spreadsheet, checked against the user's countries
// (an `ncp` imports only its own, dry runs too) once the file is read and before the store writes anything.
import { assertMayImport } from '../auth/scope';
import type { SessionUser } from '../auth/types';
import type { GraphStore, ImportOptions, ImportResult } from '../store/port';
import { importParsed, parseUpload, type SpreadsheetImportResult, type Upload } from '../tabular';

export async function importDocumentAs(store: GraphStore, raw: unknown, options: ImportOptions, user: SessionUser | undefined): Promise<ImportResult> {
  await assertMayImport(store, user, raw);
  return store.importDocument(raw, options);
}

export async function importSpreadsheetAs(
  store: GraphStore, upload: Upload, options: Omit<ImportOptions, 'dryRun'> & { dryRun: boolean }, user: SessionUser | undefined,
): Promise<SpreadsheetImportResult> {
  const parsed = await parseUpload(store, upload, options);
  await assertMayImport(store, user, parsed.document);
  return importParsed(store, parsed, options);
}
