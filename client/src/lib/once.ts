// Loading a chunk once: every caller gets the same promise, and a failed load is tried again next time.

/** A loader that loads once and hands every caller the same promise; a failed load is tried again next time. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    if (!loading) {
      loading = load();
      loading.catch(() => {
        loading = undefined;
      });
    }
    return loading;
  };
}
