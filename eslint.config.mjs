// ESLint (flat config): typescript-eslint's type-checked rules, the rules of hooks in the client, and the layer
// table of docs/architecture.md as import rules, so an import against an arrow fails `npm run lint` (and `npm test`).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The layers of docs/architecture.md: a name, the paths it covers, and the layers it may import ("an arrow").
// A layer may always import itself. `port` is server/store/port.ts, the one file of the store other layers see.
const LAYERS = {
  model: { paths: ['server/model'], may: [] },
  errors: { paths: ['server/errors.ts'], may: ['model'] },
  logger: { paths: ['server/logger.ts'], may: [] },
  analysis: { paths: ['server/analysis'], may: ['model', 'errors'] },
  tabular: { paths: ['server/tabular'], may: ['model', 'errors'] },
  store: { paths: ['server/store'], may: ['model', 'errors'] },
  auth: { paths: ['server/auth'], may: ['model', 'errors', 'logger', 'port'] },
  reports: { paths: ['server/reports'], may: ['model', 'errors', 'analysis'] },
  services: {
    paths: ['server/services'],
    may: ['model', 'errors', 'logger', 'analysis', 'tabular', 'reports', 'auth', 'port'],
  },
  api: { paths: ['server/api'], may: ['model', 'errors', 'logger', 'services', 'auth', 'port'] },
  // The composition root builds everything and may import any layer; no layer imports it.
  root: {
    paths: [
      'server/app.ts',
      'server/main.ts',
      'server/startup.ts',
      'server/config.ts',
      'server/open-store.ts',
      'server/static.ts',
    ],
    may: null,
  },
  client: { paths: ['client/src'], may: ['model'] },
};
// Not layers of the server, and no layer may reach into them (the composition root may use seed/loader).
const OUTSIDE = ['scripts', 'tests', 'seed'];
const PORT = 'port.ts';

/** One zone per forbidden arrow, so the message names it. `extra` adds files of server/store a file may import. */
function zones(layer, extra = []) {
  const { paths, may } = LAYERS[layer];
  const out = [];
  for (const [other, { paths: from }] of Object.entries(LAYERS)) {
    if (other === layer) continue;
    const mayPort = other === 'store' && may.includes('port');
    if (may.includes(other)) continue;
    const except = [...(mayPort ? [PORT] : []), ...(other === 'store' ? extra : [])];
    const arrow = mayPort
      ? `${layer} may import server/store/port.ts but no other file of server/store`
      : `${layer} may not import ${other}`;
    out.push({
      target: paths,
      from: from.map((p) => `./${p}`),
      ...(except.length ? { except: except.map((e) => `./${e}`) } : {}),
      message: `${arrow} (the layer table in docs/architecture.md).`,
    });
  }
  if (layer !== 'client') {
    out.push({
      target: paths,
      from: OUTSIDE.map((p) => `./${p}`),
      message: `${layer} may not import scripts, tests or seed.`,
    });
  }
  return out;
}

const layered = Object.keys(LAYERS).filter((l) => LAYERS[l].may !== null);
const allZones = layered.flatMap((layer) => zones(layer));
// server/store/port.ts, the contract, sees only the model (not the store's own core or adapters).
allZones.push({
  target: [`server/store/${PORT}`],
  from: ['./server/store', './server/errors.ts', './server/logger.ts'],
  except: [`./${PORT}`],
  message: 'the GraphStore port may import only server/model (docs/architecture.md).',
});

export default defineConfig(
  globalIgnores(['dist/', 'artifacts/', 'coverage/', 'data/', 'client/dist/', 'scripts/neo4j/target/', 'cypher/']),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.client.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: allZones }],
      // Off: an async function without await is how a handler or a port method says it returns a promise.
      '@typescript-eslint/require-await': 'off',
      // `_name` marks a parameter kept for its position; a caught error that is not used needs no name check.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  // The client: the rules of hooks, and the server only through the @model alias.
  {
    files: ['client/src/**/*.{ts,tsx}'],
    ...reactHooks.configs['recommended-latest'],
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      // An error, not a warning: a missing dependency is a stale value on screen.
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+server/',
              message: 'The client imports the shared model through the @model alias, and nothing else of the server.',
            },
          ],
        },
      ],
    },
  },
  // Tests: jest's matchers and mocks are typed loosely (`expect.any`, `mock.calls`), answer bodies are parsed JSON
  // (supertest's `res.body` is `any`; a test asserts on its shape rather than typing it), and `expect(obj.method)`
  // passes methods unbound on purpose.
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  // Plain JavaScript (jest and build configs, the test runner, the worker): no type information to check against.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: {
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      // CommonJS files (jest configs, the worker) use require by design.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
);
