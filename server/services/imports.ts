// The import use cases: a map document (JSON, YAML) or a spreadsheet, checked against the user's countries
// (an `ncp` imports only its own, dry runs too) inside the import's transaction, before anything is written.
import { assertMayImport, isCountryScoped, recheckWriter } from '../auth/scope';
import type { SessionUser } from '../model/roles';
import type { GraphStore, ImportOptions, ImportResult, WriteGuard } from '../store/port';
import { SHEETS, type Upload } from '../tabular';
import { importParsed, parseUpload, type SpreadsheetImportResult } from './spreadsheet-import';
import { parseYamlOffThread } from '../tabular/off-thread';

export type { UploadFormat } from '../tabular';

/** The collections one CSV may hold (`sheet` of a one-CSV import). */
export const SHEET_COLLECTIONS = SHEETS.map((s) => s.collection) as [string, ...string[]];

/** A request body as a document: JSON is parsed by Express; YAML arrives as text and is parsed in the upload worker. */
export async function documentFromBody(body: unknown): Promise<unknown> {
  return typeof body === 'string' ? parseYamlOffThread(body) : body;
}

export async function importDocumentAs(
  store: GraphStore,
  raw: unknown,
  options: ImportOptions,
  user: SessionUser | undefined,
): Promise<ImportResult> {
  return store.importDocument(raw, { ...options, guard: importGuard(user) });
}

export async function importSpreadsheetAs(
  store: GraphStore,
  upload: Upload,
  options: Omit<ImportOptions, 'dryRun'> & { dryRun: boolean },
  user: SessionUser | undefined,
): Promise<SpreadsheetImportResult> {
  const parsed = await parseUpload(store, upload, options);
  // The guard runs in the store's validation too, so that a file outside the user's countries is refused
  // before its problems are listed.
  return importParsed(store, parsed, { ...options, guard: importGuard(user) });
}

/**
 * Run by the store in the import's transaction (after its lock; dry runs too): the importer's account as stored
 * then may still import, and an `ncp` (by its current countries) imports only its own countries.
 */
function importGuard(user: SessionUser | undefined): WriteGuard<{ raw: unknown }> | undefined {
  if (!user) return undefined;
  return async (view, { raw }) => {
    const writer = await recheckWriter(view, user, 'import');
    if (isCountryScoped(writer)) await assertMayImport(view, writer, raw);
  };
}
