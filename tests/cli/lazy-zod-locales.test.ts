// scripts/lazy-zod-locales.ts, as npm run import loads it (node with tsx's CommonJS loader, in a process of its own:
// Jest has a module cache of its own): zod's locales are not loaded until z.locales is used, and then are all there.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

const PROBE = `
require('./scripts/lazy-zod-locales');
const z = require('zod');
const localeFiles = () => Object.keys(require.cache).filter((f) => /zod[\\\\/]v4[\\\\/]locales[\\\\/]/.test(f)).map((f) => path.basename(f));
const before = localeFiles().sort();
const message = z.string().safeParse(1).error.issues[0].message;
const fr = typeof z.locales.fr;
const names = Object.keys(z.locales).sort();
delete require.cache[require.resolve('zod/v4/locales')];
const real = Object.keys(require(require.resolve('zod/v4/locales'))).sort();
console.log(JSON.stringify({ before, message, fr, after: localeFiles().length, names, real }));
`;

test('when the import script defers zod locales, then none but English loads at start, and all are there once z.locales is used', () => {
  const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', `const path = require('node:path');${PROBE}`], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  const out = JSON.parse(r.stdout) as {
    before: string[];
    message: string;
    fr: string;
    after: number;
    names: string[];
    real: string[];
  };
  // The stand-in for the index, and the English messages zod loads itself.
  expect(out.before).toEqual(['en.cjs', 'index.cjs']);
  expect(out.message).toBe('Invalid input: expected string, received number');
  expect(out.fr).toBe('function');
  expect(out.after).toBeGreaterThan(40);
  expect(out.names).toEqual(out.real);
});
