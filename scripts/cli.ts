// Shared by the command-line scripts: opens the configured store, prints problems, exits with a code.
import { ConfigError, loadConfig } from '../server/config';
import { ValidationError } from '../server/errors';
import type { Problem } from '../server/model';
import { createStore } from '../server/store';
import type { GraphStore } from '../server/store/port';

export class UsageError extends Error {}

export function formatProblems(problems: readonly Problem[]): string {
  return problems
    .map((p) => `  - ${p.path}${p.id ? ` (${p.kind ?? 'item'} ${p.id})` : ''}: ${p.message}`)
    .join('\n');
}

/** Runs `fn` with the configured store and turns every failure into a clear message and exit code. */
export async function runWithStore(usage: string, fn: (store: GraphStore) => Promise<void>): Promise<void> {
  let store: GraphStore | undefined;
  try {
    const config = loadConfig();
    store = await createStore(config);
    await fn(store);
  } catch (err) {
    process.exitCode = err instanceof UsageError || err instanceof ConfigError ? 2 : 1;
    if (err instanceof UsageError) console.error(`${err.message}\n\nUsage: ${usage}`);
    else if (err instanceof ValidationError) console.error(`${err.message}\n${formatProblems(err.problems)}`);
    else console.error(err instanceof Error ? err.message : String(err));
  } finally {
    await store?.close();
  }
}
