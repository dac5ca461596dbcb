// Shared by the command-line scripts: opens the configured store, prints problems, shows progress, exits with a code.
import { ConfigError, loadConfig } from '../server/config';
import { AppError, ValidationError } from '../server/errors';
import type { Problem } from '../server/model';
import { openStore } from '../server/open-store';
import type { GraphStore } from '../server/store/port';
import type { ImportProgress } from '../server/services/spreadsheet-import';

export class UsageError extends Error {}

/** Where a problem is: `flows!E5 basis` in a spreadsheet, else the document path with the item. */
function placeOf(p: Problem): string {
  if (p.sheet) {
    const at = p.cell ? `!${p.cell}` : p.row ? ` row ${p.row}` : '';
    return `${p.sheet}${at}${p.column ? ` ${p.column}` : ''}`;
  }
  return `${p.path}${p.id ? ` (${p.kind ?? 'item'} ${p.id})` : ''}`;
}

export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `  - ${placeOf(p)}: ${p.message}`).join('\n');
}

const PHASE_LABELS: Record<ImportProgress['phase'], string> = {
  reading: 'reading',
  parsing: 'parsing rows',
  validating: 'validating',
  writing: 'writing',
};
const BAR_WIDTH = 30;

/**
 * Import progress on stderr. On a terminal: one line, redrawn, with the phase's percent (and rows n/N
 * while parsing). Elsewhere (a pipe, a log, CI): one line per phase.
 */
export class ProgressBar {
  private last?: ImportProgress;
  private lastDrawn = '';
  private readonly tty: boolean;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.tty = Boolean(stream.isTTY);
  }

  update(p: ImportProgress): void {
    const changed = p.phase !== this.last?.phase;
    this.last = p;
    if (!this.tty) {
      if (changed)
        this.stream.write(
          `${PHASE_LABELS[p.phase]}${p.phase === 'parsing' ? ` (${(p.total ?? 0).toLocaleString('en')})` : ''}...\n`,
        );
      return;
    }
    this.draw(p, false);
  }

  private draw(p: ImportProgress, complete: boolean): void {
    const total = p.total ?? 0;
    const done = complete ? total : (p.done ?? 0);
    const ratio = complete ? 1 : total > 0 ? Math.min(1, done / total) : 0;
    const filled = Math.round(ratio * BAR_WIDTH);
    const counts = p.phase === 'parsing' ? ` ${done.toLocaleString('en')}/${total.toLocaleString('en')}` : '';
    const line = `${PHASE_LABELS[p.phase].padEnd(13)} [${'#'.repeat(filled)}${' '.repeat(BAR_WIDTH - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}%${counts}`;
    if (line === this.lastDrawn) return;
    this.lastDrawn = line;
    this.stream.write(`\r${line}\x1b[K`);
  }

  /** Ends the bar's line on a terminal (at 100% when the import went through) so that what follows starts on a fresh one. */
  done(completed: boolean): void {
    if (!this.tty || !this.last) return;
    if (completed) this.draw(this.last, true);
    this.stream.write('\n');
    this.last = undefined;
    this.lastDrawn = '';
  }
}

/** Runs `fn` with the configured store (holding the catalogue) and turns every failure into a clear message and exit code. */
export async function runWithStore(usage: string, fn: (store: GraphStore) => Promise<void>): Promise<void> {
  let store: GraphStore | undefined;
  try {
    const config = loadConfig();
    store = await openStore(config);
    await fn(store);
  } catch (err) {
    process.exitCode = err instanceof UsageError || err instanceof ConfigError ? 2 : 1;
    if (err instanceof UsageError) console.error(`${err.message}\n\nUsage: ${usage}`);
    else if (err instanceof ValidationError) console.error(`${err.message}\n${formatProblems(err.problems)}`);
    else if (err instanceof AppError) console.error(err.message);
    else console.error(err instanceof Error ? err.message : String(err));
  } finally {
    await store?.close();
  }
}
