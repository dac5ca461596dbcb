// The concurrent-write schedules of tests/store/concurrency.ts on the embedded store: two app instances over
// one store (the embedded store belongs to one process; its write transactions are BEGIN IMMEDIATE).
import { CoreGraphStore } from '../../server/store/core';
import { SqliteAdapter } from '../../server/store/sqlite/adapter';
import { concurrencySuite } from '../store/concurrency';

concurrencySuite('embedded store', async () => {
  const store = new CoreGraphStore(new SqliteAdapter(':memory:'));
  await store.init();
  return { stores: [store, store], close: () => store.close() };
});
