// `npm run seed`: loads the reference catalogue and the illustrative region into the configured store.
// Idempotent: a second run changes nothing.
import { seedStore } from '../seed/loader';
import { runWithStore, UsageError } from './cli';

const USAGE = 'npm run seed [-- --catalogue-only] [--if-empty]';

void runWithStore(USAGE, async (store) => {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--catalogue-only' && a !== '--if-empty');
  if (unknown.length) throw new UsageError(`unknown argument: ${unknown.join(' ')}`);
  if (args.includes('--if-empty') && (await store.list('country')).length > 0) {
    await seedStore(store, { maps: false });
    console.log(`The ${store.kind} store already holds a map: catalogue ensured, maps left as they are.`);
    return;
  }
  const result = await seedStore(store, { maps: !args.includes('--catalogue-only') });
  const counts = (c: Record<string, number | undefined>) =>
    Object.entries(c)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ') || 'nothing';
  console.log(
    `Seeded the ${store.kind} store: catalogue ensured${result ? `; created ${counts(result.created)}; updated ${counts(result.updated)}` : ''}.`,
  );
  if (result)
    console.log('The seed maps are ILLUSTRATIVE: built from public descriptions of institutions, not verified data.');
});
