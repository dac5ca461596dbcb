// The store version as the caches behind the map and the analyses check it: one read shared by the requests
// that ask while it is under way. A request gets the answer of a read that started after it asked, so it sees
// every write that had finished before (read-your-writes on this instance, and other instances' writes as soon
// as the store shows them); under load that is at most two reads in flight instead of one per request.
import type { GraphStore } from '../store/port';

class VersionReader {
  private running?: Promise<number>;
  private next?: Promise<number>;

  constructor(private readonly store: Pick<GraphStore, 'storeVersion'>) {}

  read(): Promise<number> {
    if (!this.running) return this.start();
    // The read under way began before this request asked: wait for the one that starts when it ends.
    this.next ??= this.running.then(() => undefined, () => undefined).then(() => {
      this.next = undefined;
      return this.start();
    });
    return this.next;
  }

  private start(): Promise<number> {
    const read = this.store.storeVersion().finally(() => {
      if (this.running === read) this.running = undefined;
    });
    this.running = read;
    return read;
  }
}

const readers = new WeakMap<object, VersionReader>();

/** The store's current version, read once for all the requests asking at the same moment. */
export function currentStoreVersion(store: GraphStore): Promise<number> {
  let reader = readers.get(store);
  if (!reader) {
    reader = new VersionReader(store);
    readers.set(store, reader);
  }
  return reader.read();
}
