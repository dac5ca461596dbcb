// currentStoreVersion: requests asking at the same moment share one store-version read, and no request gets
// the answer of a read that started before it asked (it would miss a write that finished just before).
import type { GraphStore } from '../../server/store/port';
import { currentStoreVersion, versionCheck } from '../../server/services/store-version';

/** A store whose version reads wait until the test answers them, in order. */
function slowStore(): { store: GraphStore; reads: Array<(v: number) => void> } {
  const reads: Array<(v: number) => void> = [];
  const store = { storeVersion: () => new Promise<number>((resolve) => reads.push(resolve)) } as unknown as GraphStore;
  return { store, reads };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('currentStoreVersion', () => {
  test("when many ask at once, then two reads answer them all: the first asker's, and one shared by the rest", async () => {
    const { store, reads } = slowStore();
    const answers = Promise.all(Array.from({ length: 50 }, () => currentStoreVersion(store)));
    await tick();
    expect(reads).toHaveLength(1);
    reads[0]!(7);
    await tick();
    expect(reads).toHaveLength(2);
    reads[1]!(8);
    expect(await answers).toEqual([7, ...Array(49).fill(8)]);
  });

  test('when some ask while a read is under way, then they share the next read, which starts after the first ends', async () => {
    const { store, reads } = slowStore();
    const early = currentStoreVersion(store);
    await tick();
    const late = Array.from({ length: 20 }, () => currentStoreVersion(store));
    await tick();
    expect(reads).toHaveLength(1); // the second waits for the first to end
    reads[0]!(1); // a write finishes now: the late ones must not get 1
    expect(await early).toBe(1);
    await tick();
    expect(reads).toHaveLength(2);
    reads[1]!(2);
    expect(await Promise.all(late)).toEqual(Array(20).fill(2));
    const after = currentStoreVersion(store);
    await tick();
    expect(reads).toHaveLength(3);
    reads[2]!(3);
    expect(await after).toBe(3);
  });

  test('when a read fails, then its askers get the error and the next asker a new read', async () => {
    const calls: number[] = [];
    const store = {
      storeVersion: async () => {
        calls.push(calls.length);
        if (calls.length === 1) throw new Error('down');
        return 5;
      },
    } as unknown as GraphStore;
    await expect(currentStoreVersion(store)).rejects.toThrow('down');
    expect(await currentStoreVersion(store)).toBe(5);
  });
});

describe('currentStoreVersion on a store with a reuse window (Neo4j)', () => {
  /** A Neo4j-like store whose version reads wait for the test, with a write method and a fake monotonic clock. */
  function windowStore() {
    const reads: Array<(v: number) => void> = [];
    let now = 1_000;
    const store = {
      kind: 'neo4j',
      storeVersion: () => new Promise<number>((resolve) => reads.push(resolve)),
      update: async () => ({ written: true }),
    } as unknown as GraphStore;
    const check = versionCheck(store, { windowMs: 250, now: () => now });
    return {
      store,
      reads,
      check,
      advance: (ms: number) => {
        now += ms;
      },
    };
  }

  test('when requests keep coming within the window, then they reuse one read, and a read ahead starts after half the window', async () => {
    const { reads, check, advance } = windowStore();
    const first = check.read();
    await tick();
    reads[0]!(4);
    expect(await first).toBe(4);
    advance(100);
    expect(await Promise.all(Array.from({ length: 30 }, () => check.read()))).toEqual(Array(30).fill(4));
    expect(reads).toHaveLength(1);
    advance(50); // 150 ms: still served from the first read, and one read ahead starts
    expect(await check.read()).toBe(4);
    await tick();
    expect(reads).toHaveLength(2);
    advance(150); // 300 ms: the first read is too old; the read ahead (started at 150 ms) serves
    const late = check.read();
    reads[1]!(5);
    expect(await late).toBe(5);
    expect(reads).toHaveLength(2);
  });

  test('when a write through the store ends, then the next request waits for a read that started after it', async () => {
    const { store, reads, check, advance } = windowStore();
    const first = check.read();
    await tick();
    reads[0]!(4);
    await first;
    advance(10);
    await store.update('flow', 'x', {}, 1, 'someone');
    const after = check.read();
    await tick();
    expect(reads).toHaveLength(2);
    reads[1]!(5);
    expect(await after).toBe(5);
  });

  test('when a write ends while a read is under way, then that read serves only those who asked before', async () => {
    const { store, reads, check } = windowStore();
    const early = check.read();
    await tick();
    await store.update('flow', 'x', {}, 1, 'someone');
    const late = check.read();
    reads[0]!(4);
    expect(await early).toBe(4);
    await tick();
    expect(reads).toHaveLength(2);
    reads[1]!(5);
    expect(await late).toBe(5);
    expect(await check.read()).toBe(5); // and the read after the write serves the window
  });

  test('when a read fails, then nothing is reused: the next request reads again', async () => {
    let calls = 0;
    const store = {
      kind: 'neo4j',
      storeVersion: async () => {
        calls += 1;
        if (calls === 2) throw new Error('down');
        return 7;
      },
    } as unknown as GraphStore;
    let now = 0;
    const check = versionCheck(store, { windowMs: 250, now: () => now });
    expect(await check.read()).toBe(7);
    now = 300;
    await expect(check.read()).rejects.toThrow('down');
    expect(await check.read()).toBe(7);
    expect(calls).toBe(3);
  });
});
