// What an import answered: the preview (what would change, conflicts to decide, then Import), what
// the import did, or why it failed (with every problem found in the file).
import type { RefObject } from 'react';
import type { ApiError } from '../../../lib/apiFetch';
import { navigate, viewHref } from '../../../lib/views';
import { sentence, type ImportMode, type OnConflict } from '../importFile';
import { changeSummary, countRows, type ImportResult } from '../importResult';
import { problemsHeading, type ImportProblem } from '../problems';
import { CountsTable } from './CountsTable';
import { ProblemTable } from './ProblemTable';
import { ConflictTable, KeptList } from './StaleTables';
import type { Purpose } from './UploadProgress';

type HeadingRef = RefObject<HTMLHeadingElement | null>;

interface PreviewProps {
  result: ImportResult;
  fileName: string;
  /** The CSV file's sheet, named. */
  sheetName: string | undefined;
  mode: ImportMode;
  onConflict: OnConflict;
  onConflictChoice: (choice: OnConflict) => void;
  conflictName: string;
  busy: boolean;
  onImport: () => void;
  headingRef: HeadingRef;
}

export function Preview({ result, fileName, sheetName, mode, onConflict, onConflictChoice, conflictName, busy, onImport, headingRef }: PreviewProps) {
  return (
    <div className="import-outcome notice notice-ok" data-outcome="preview">
      <h4 ref={headingRef} tabIndex={-1}>Preview: nothing has been written yet</h4>
      <p>
        {mode === 'merge' ? 'Merging' : 'Replacing with'} <strong>{fileName}</strong>
        {sheetName ? ` (sheet ${sheetName})` : ''} would make these changes: {changeSummary(countRows(result))}.
        {result.conflictCount.total > 0 && (
          <> The file is older than the map and has {plural(result.conflictCount.total, 'conflict', 'conflicts')}: see below.</>
        )}
      </p>
      <CountsTable result={result} caption="What the import would do, per kind of item" />
      <Warnings warnings={result.warnings} />
      <Conflicts result={result} choice={onConflict} onChoose={onConflictChoice} disabled={busy} name={conflictName} />
      <KeptList kept={result.kept} dryRun />
      {mode === 'replace' && countRows(result).some((r) => r.deleted > 0) && (
        <p className="notice notice-warn">Replace deletes the items counted under “Would be deleted”.</p>
      )}
      <div className="actions">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={onImport}>
          Import
        </button>
        <span className="field-hint">writes these changes in one step ({mode})</span>
      </div>
    </div>
  );
}

interface ImportedProps {
  result: ImportResult;
  fileName: string;
  country: string | null;
  countryName: string | null;
  headingRef: HeadingRef;
}

export function Imported({ result, fileName, country, countryName, headingRef }: ImportedProps) {
  return (
    <div className="import-outcome notice notice-ok" data-outcome="imported">
      <h4 ref={headingRef} tabIndex={-1} role="status">Imported {fileName}</h4>
      <p>
        {changeSummary(countRows(result))}. The map is now at version {result.storeVersion}.
      </p>
      <CountsTable result={result} caption="What the import did, per kind of item" />
      <Warnings warnings={result.warnings} />
      {result.conflictCount.total > 0 && (
        <div className="notice conflicts" data-testid="conflict-outcome">
          <p>
            {conflictOutcome(result.conflictCount)}
          </p>
          <ConflictTable
            conflicts={result.conflicts}
            total={result.conflictCount.total}
            caption="The fields changed both in the file and in the map, and what the import did with each"
          />
        </div>
      )}
      <KeptList kept={result.kept} dryRun={false} />
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
  );
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

export function Failure({ error, purpose, headingRef }: { error: ApiError; purpose: Purpose; headingRef: HeadingRef }) {
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
