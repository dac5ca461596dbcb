// Imported first by scripts/import.ts: zod's index loads each of its message locales (zod/v4/locales, some 45 files,
// for z.locales) when the model's schemas load it, some 0.08 s of CPU at the start of a map document's import under
// tsx, which the import does not use (zod loads its English messages itself). This puts a stand-in for that index in
// the module cache that loads the real one at its first use. Nothing is done if zod's files are elsewhere or loaded.
import Module from 'node:module';

export function deferZodLocales(): void {
  let file: string;
  try {
    file = require.resolve('zod/v4/locales');
  } catch {
    return;
  }
  if (require.cache[file]) return;
  let real: Record<PropertyKey, unknown> | undefined;
  const load = (): Record<PropertyKey, unknown> => {
    if (!real) {
      delete require.cache[file];
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      real = require(file) as Record<PropertyKey, unknown>;
    }
    return real;
  };
  const stand = new Module(file, module);
  stand.filename = file;
  stand.loaded = true;
  // `__esModule` answered without loading: what zod asks when it takes the module in.
  stand.exports = new Proxy(
    {},
    {
      get: (_, key) => (key === '__esModule' ? true : load()[key]),
      has: (_, key) => key in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_, key) => {
        const descriptor = Object.getOwnPropertyDescriptor(load(), key);
        return descriptor && { ...descriptor, configurable: true };
      },
    },
  );
  require.cache[file] = stand;
}

deferZodLocales();
