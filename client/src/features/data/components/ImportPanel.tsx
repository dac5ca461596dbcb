// Import: choose a file and merge or replace, send it for a preview (the server checks everything and
// writes nothing), read what would change or every problem found, then "Import" sends the same file
// (kept in memory) to be written. Uploads show a progress bar and can be cancelled.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../../lib/apiFetch';
import { uploadImport, type Upload } from '../api/uploadImport';
import { ACCEPT, checkFile, formatBytes, FORMAT_NAMES, SHEETS, sheetOfFileName, type ImportFormat, type ImportMode, type OnConflict } from '../importFile';
import type { ImportResult } from '../importResult';
import { Failure, Imported, Preview } from './ImportOutcome';
import { UploadProgress, type Purpose, type Transfer } from './UploadProgress';

interface Chosen {
  name: string;
  size: number;
  format: ImportFormat;
  /** The file's bytes, read once: preview and commit send exactly the same content. */
  blob: Blob;
}

type Outcome =
  | { name: 'none' }
  | { name: 'previewed'; result: ImportResult }
  | { name: 'imported'; result: ImportResult }
  | { name: 'failed'; purpose: Purpose; error: ApiError };

export function ImportPanel({ country, countryName }: { country: string | null; countryName: string | null }) {
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mode, setMode] = useState<ImportMode>('merge');
  const [onConflict, setOnConflict] = useState<OnConflict>('keep');
  const [sheet, setSheet] = useState<string>('');
  const [transfer, setTransfer] = useState<Transfer | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ name: 'none' });
  const uploadRef = useRef<Upload | null>(null);
  const outcomeRef = useRef<HTMLHeadingElement>(null);
  const ids = { file: useId(), sheet: useId(), progress: useId(), mode: useId() };
  const busy = transfer !== null && !transfer.done;
  const needsSheet = chosen?.format === 'csv';

  useEffect(() => () => uploadRef.current?.abort(), []);
  // A new answer takes the focus, so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (outcome.name !== 'none') outcomeRef.current?.focus();
  }, [outcome]);

  function reset() {
    setOutcome({ name: 'none' });
    setTransfer(null);
    setOnConflict('keep');
  }

  async function choose(file: File | undefined) {
    uploadRef.current?.abort();
    reset();
    setChosen(null);
    setFileError(null);
    if (!file) return;
    const check = checkFile(file);
    if (!check.ok) {
      setFileError(check.message);
      return;
    }
    try {
      const blob = new Blob([await file.arrayBuffer()]);
      setChosen({ name: file.name, size: file.size, format: check.format, blob });
      if (check.format === 'csv') setSheet(sheetOfFileName(file.name) ?? '');
    } catch {
      setFileError(`Could not read "${file.name}". Choose it again.`);
    }
  }

  async function send(purpose: Purpose) {
    if (!chosen || (needsSheet && !sheet)) return;
    setOutcome({ name: 'none' });
    setTransfer({ purpose, loaded: 0, total: chosen.size, sent: false, done: false });
    const upload = uploadImport(
      chosen.blob,
      chosen.format,
      { mode, dryRun: purpose === 'preview', sheet: needsSheet ? sheet : null, onConflict: purpose === 'commit' ? onConflict : 'keep' },
      {
        onProgress: ({ loaded, total }) => setTransfer((t) => (t && !t.done ? { ...t, loaded, total } : t)),
        onSent: () => setTransfer((t) => (t && !t.done ? { ...t, sent: true } : t)),
      },
    );
    uploadRef.current = upload;
    try {
      const result = await upload.result;
      setTransfer((t) => (t ? { ...t, loaded: t.total, sent: true, done: true } : t));
      if (purpose === 'preview') {
        setOutcome({ name: 'previewed', result });
      } else {
        setOutcome({ name: 'imported', result });
        // Every view reads the map: the graph, the analyses, rounds and history all change.
        await queryClient.invalidateQueries();
      }
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError(0, 'error', err instanceof Error ? err.message : String(err));
      setTransfer((t) => (t ? { ...t, done: true } : t));
      setOutcome({ name: 'failed', purpose, error });
    } finally {
      if (uploadRef.current === upload) uploadRef.current = null;
    }
  }

  const sheetName = SHEETS.find((s) => s.collection === sheet)?.label;

  return (
    <section className="page-section import-panel" aria-labelledby="import-heading">
      <h3 id="import-heading">Import</h3>
      <p>
        Import a map document (JSON or YAML, as exported above), a workbook filled in from the Excel template, a ZIP of the CSV
        template's files, or one CSV file. You see what would change, and every problem, before anything is written.
      </p>

      <div className="field">
        <label htmlFor={ids.file}>File to import</label>
        <input
          id={ids.file}
          type="file"
          accept={ACCEPT}
          disabled={busy}
          aria-describedby={`${ids.file}-hint`}
          aria-invalid={fileError ? true : undefined}
          onChange={(e) => void choose(e.target.files?.[0])}
          // Choosing the same (corrected) file again must read it again: clear the input as the dialog opens.
          onClick={(e) => { e.currentTarget.value = ''; }}
        />
        <span id={`${ids.file}-hint`} className="field-hint">.json, .yaml, .xlsx, .zip (CSV files) or one .csv; at most 25 MB.</span>
        {fileError && <p className="field-error" role="alert">{fileError}</p>}
        {chosen && (
          <span className="field-hint" data-testid="chosen-file">
            {chosen.name}: {FORMAT_NAMES[chosen.format]}, {formatBytes(chosen.size)}
          </span>
        )}
      </div>

      {needsSheet && (
        <div className="field">
          <label htmlFor={ids.sheet}>Which sheet this CSV file holds</label>
          <select id={ids.sheet} value={sheet} disabled={busy} onChange={(e) => { setSheet(e.target.value); reset(); }} required>
            <option value="">Choose a sheet…</option>
            {SHEETS.map((s) => (
              <option key={s.collection} value={s.collection}>
                {s.label} ({s.collection})
              </option>
            ))}
          </select>
        </div>
      )}

      <fieldset aria-describedby={`${ids.mode}-hint`}>
        <legend>How to import</legend>
        <label>
          <input type="radio" name={ids.mode} value="merge" checked={mode === 'merge'} disabled={busy} onChange={() => { setMode('merge'); reset(); }} />
          <span>
            <strong>Merge</strong>: add the file's items and update those already in the map. Nothing is deleted.
          </span>
        </label>
        <label>
          <input type="radio" name={ids.mode} value="replace" checked={mode === 'replace'} disabled={busy} onChange={() => { setMode('replace'); reset(); }} />
          <span>
            <strong>Replace</strong>: rewrite the countries in the file. Whatever the map holds for those countries and the file
            does not (stakeholders, networks, their datasets and interviews, the flows, reporting lines and memberships touching
            them) is deleted.
          </span>
        </label>
        <p id={`${ids.mode}-hint`} className="page-note">The preview shows what each choice would create, update and delete.</p>
      </fieldset>

      <div className="actions">
        <button type="button" className="btn btn-primary" disabled={!chosen || busy || (needsSheet && !sheet)} onClick={() => void send('preview')}>
          Check the file
        </button>
        {needsSheet && !sheet && chosen && <span className="field-hint">Choose the sheet first.</span>}
      </div>

      {transfer && <UploadProgress transfer={transfer} id={ids.progress} onCancel={() => uploadRef.current?.abort()} />}

      {outcome.name === 'previewed' && chosen && (
        <Preview
          result={outcome.result}
          fileName={chosen.name}
          sheetName={needsSheet ? sheetName : undefined}
          mode={mode}
          onConflict={onConflict}
          onConflictChoice={setOnConflict}
          conflictName={`${ids.mode}-conflict`}
          busy={busy}
          onImport={() => void send('commit')}
          headingRef={outcomeRef}
        />
      )}

      {outcome.name === 'imported' && chosen && (
        <Imported result={outcome.result} fileName={chosen.name} country={country} countryName={countryName} headingRef={outcomeRef} />
      )}

      {outcome.name === 'failed' && <Failure error={outcome.error} purpose={outcome.purpose} headingRef={outcomeRef} />}
    </section>
  );
}
