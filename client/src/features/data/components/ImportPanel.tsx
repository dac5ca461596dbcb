// Import: choose a file and merge or replace, send it for a preview (the server checks everything and
// writes nothing), read what would change or every problem found, then "Import" sends the same file
// (kept in memory) to be written. Uploads show a progress bar and can be cancelled.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { ApiError } from '../../../lib/apiFetch';
import { navigate, viewHref } from '../../../lib/views';
import { uploadImport, type Upload } from '../api/uploadImport';
import {
  ACCEPT, checkFile, formatBytes, FORMAT_NAMES, sentence, SHEETS, sheetOfFileName, type ImportFormat, type ImportMode, type OnConflict,
} from '../importFile';
import { changeSummary, countRows, type ImportResult } from '../importResult';
import { problemsHeading, type ImportProblem } from '../problems';
import { CountsTable } from './CountsTable';
import { ProblemTable } from './ProblemTable';
import { ConflictTable, KeptList } from './StaleTables';

interface Chosen {
  name: string;
  size: number;
  format: ImportFormat;
  /** The file's bytes, read once: preview and commit send exactly the same content. */
  blob: Blob;
}

type Purpose = 'preview' | 'commit';

interface Transfer {
  purpose: Purpose;
  loaded: number;
  total: number;
  /** All bytes sent; the server is checking (or writing). */
  sent: boolean;
  /** The server has answered. */
  done: boolean;
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

      {transfer && (
        <div className="upload-progress" data-purpose={transfer.purpose} data-done={transfer.done}>
          <span id={ids.progress} className="upload-label">
            {transfer.purpose === 'preview'
              ? transfer.done ? 'File sent for checking' : 'Sending the file for checking'
              : transfer.done ? 'File sent for import' : 'Sending the file to import'}
          </span>
          <progress aria-labelledby={ids.progress} max={100} value={percent(transfer)}>
            {percent(transfer)}%
          </progress>
          <span className="upload-percent" aria-hidden="true">{percent(transfer)}%</span>
          <span role="status" className="upload-status">
            {transferStatus(transfer)}
          </span>
          {!transfer.done && (
            <button type="button" className="btn btn-small" onClick={() => uploadRef.current?.abort()}>
              Cancel
            </button>
          )}
        </div>
      )}

      {outcome.name === 'previewed' && chosen && (
        <div className="import-outcome notice notice-ok" data-outcome="preview">
          <h4 ref={outcomeRef} tabIndex={-1}>Preview: nothing has been written yet</h4>
          <p>
            {mode === 'merge' ? 'Merging' : 'Replacing with'} <strong>{chosen.name}</strong>
            {needsSheet && sheetName ? ` (sheet ${sheetName})` : ''} would make these changes: {changeSummary(countRows(outcome.result))}.
            {outcome.result.conflictCount.total > 0 && (
              <> The file is older than the map and has {plural(outcome.result.conflictCount.total, 'conflict', 'conflicts')}: see below.</>
            )}
          </p>
          <CountsTable result={outcome.result} caption="What the import would do, per kind of item" />
          <Warnings warnings={outcome.result.warnings} />
          <Conflicts result={outcome.result} choice={onConflict} onChoose={setOnConflict} disabled={busy} name={`${ids.mode}-conflict`} />
          <KeptList kept={outcome.result.kept} dryRun />
          {mode === 'replace' && countRows(outcome.result).some((r) => r.deleted > 0) && (
            <p className="notice notice-warn">Replace deletes the items counted under “Would be deleted”.</p>
          )}
          <div className="actions">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void send('commit')}>
              Import
            </button>
            <span className="field-hint">writes these changes in one step ({mode})</span>
          </div>
        </div>
      )}

      {outcome.name === 'imported' && chosen && (
        <div className="import-outcome notice notice-ok" data-outcome="imported">
          <h4 ref={outcomeRef} tabIndex={-1} role="status">Imported {chosen.name}</h4>
          <p>
            {changeSummary(countRows(outcome.result))}. The map is now at version {outcome.result.storeVersion}.
          </p>
          <CountsTable result={outcome.result} caption="What the import did, per kind of item" />
          <Warnings warnings={outcome.result.warnings} />
          {outcome.result.conflictCount.total > 0 && (
            <div className="notice conflicts" data-testid="conflict-outcome">
              <p>
                {conflictOutcome(outcome.result.conflictCount)}
              </p>
              <ConflictTable
                conflicts={outcome.result.conflicts}
                total={outcome.result.conflictCount.total}
                caption="The fields changed both in the file and in the map, and what the import did with each"
              />
            </div>
          )}
          <KeptList kept={outcome.result.kept} dryRun={false} />
          {country && (
            <p>
              <a
                href={viewHref('map', country)}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(viewHref('map', country));
                }}
              >
                Open the map of {countryName ?? country}
              </a>
            </p>
          )}
        </div>
      )}

      {outcome.name === 'failed' && <Failure error={outcome.error} purpose={outcome.purpose} headingRef={outcomeRef} />}
    </section>
  );
}

function percent(t: Transfer): number {
  if (t.sent) return 100;
  return t.total > 0 ? Math.min(100, Math.round((100 * t.loaded) / t.total)) : 0;
}

function transferStatus(t: Transfer): string {
  if (!t.sent && !t.done) return `Sending… ${formatBytes(t.loaded)} of ${formatBytes(t.total)}`;
  if (!t.done) return t.purpose === 'preview' ? 'Checking…' : 'Writing…';
  return t.sent ? `Sent ${formatBytes(t.total)}; the server has answered.` : 'Stopped.';
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function conflictOutcome({ kept, overwritten }: ImportResult['conflictCount']): string {
  const parts = [
    kept ? `Kept the current value of ${plural(kept, 'conflicting field', 'conflicting fields')}` : '',
    overwritten ? `Overwrote ${plural(overwritten, 'conflicting field', 'conflicting fields')} with the file's values` : '',
  ].filter(Boolean);
  return `${parts.join('; ')}.`;
}

/** The conflicts of a preview, and the choice of what the import does with them (keep, the default, or overwrite). */
function Conflicts({ result, choice, onChoose, disabled, name }: {
  result: ImportResult; choice: OnConflict; onChoose: (c: OnConflict) => void; disabled: boolean; name: string;
}) {
  const { total } = result.conflictCount;
  if (total === 0) return null;
  const shown = result.conflicts.map((c) => ({ ...c, resolution: choice === 'overwrite' ? 'overwritten' as const : 'kept' as const }));
  return (
    <div className="notice notice-warn conflicts" data-testid="conflicts">
      <h4>{plural(total, 'conflict', 'conflicts')}: changed in the file and, since it was exported, in the map too</h4>
      <p>
        The file is older than the map: someone changed some of its items after it was exported. Fields changed only in the
        file take the file's values; fields changed only in the map keep theirs. Each field below was changed on both sides.
      </p>
      {result.notes.length > 0 && (
        <ul className="conflict-notes">
          {result.notes.map((n, i) => <li key={i}>{sentence(n)}</li>)}
        </ul>
      )}
      <ConflictTable conflicts={shown} total={total} caption="Fields changed both in the file and in the map" />
      <fieldset>
        <legend>What to do with the conflicts</legend>
        <label>
          <input type="radio" name={name} value="keep" checked={choice === 'keep'} disabled={disabled} onChange={() => onChoose('keep')} />
          <span><strong>Keep the current values</strong> (the map's, as changed by others)</span>
        </label>
        <label>
          <input type="radio" name={name} value="overwrite" checked={choice === 'overwrite'} disabled={disabled} onChange={() => onChoose('overwrite')} />
          <span><strong>Overwrite with the file's values</strong></span>
        </label>
      </fieldset>
    </div>
  );
}

function Warnings({ warnings }: { warnings: ImportResult['warnings'] }) {
  if (!warnings?.length) return null;
  return (
    <div className="notice notice-warn">
      <h4>Warnings ({warnings.length})</h4>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>
            {w.sheet ? <strong>{w.sheet}: </strong> : null}
            {w.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Failure({ error, purpose, headingRef }: { error: ApiError; purpose: Purpose; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const problems = error.problems as ImportProblem[];
  const nothingWritten = 'Nothing was written.';
  let title: string;
  let text: string = sentence(error.message);
  if (error.code === 'aborted') {
    title = 'Upload cancelled';
  } else if (error.status === 413 || error.code === 'too_large') {
    title = 'The file is too large';
  } else if (error.code === 'not_a_spreadsheet') {
    title = 'This file is not a spreadsheet';
    text = `${sentence(error.message)} Choose an .xlsx workbook (Excel, LibreOffice "Excel 2007-365"), a ZIP of CSV files or a CSV file.`;
  } else if (error.code === 'unsupported_media_type' || error.status === 415) {
    title = 'Flow Atlas cannot import this kind of file';
  } else if (problems.length > 0) {
    title = problemsHeading(problems.length, error.details.problemCount);
  } else if (error.status === 0) {
    title = 'The server could not be reached';
  } else {
    title = purpose === 'preview' ? 'The file could not be checked' : 'The import failed';
  }
  return (
    <div className="import-outcome notice notice-error" data-outcome="failed" data-code={error.code}>
      <div role="alert">
        <h4 ref={headingRef} tabIndex={-1}>{title}</h4>
        <p>
          {text}
          {error.code === 'aborted' || /nothing (was|has been) written/i.test(text) ? '' : ` ${nothingWritten}`}
        </p>
      </div>
      {problems.length > 0 && (
        <>
          <p>Correct these in the file, then choose it again and check it.</p>
          <ProblemTable problems={problems} />
        </>
      )}
    </div>
  );
}
