// currentStoreVersion: requests asking at the same moment share one store-version read, and no request gets
// the answer of a read that started before it asked (it would miss a write that finished just before).
import type { GraphStore } from '../../server/store/port';
import { currentStoreVersion } from '../../server/services/store-version';

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
