// The layer table of docs/architecture.md, as eslint.config.mjs encodes it: an import against an arrow is an error.
// ESLint's Node API runs in a child Node process (it loads the config as an ES module, which Jest's module
// sandbox cannot); snippets are linted as if they were files at the given paths, without type information
// (the import rules need none, and the snippets are in no tsconfig project).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

interface Case {
  filePath: string;
  code: string;
}
interface Finding {
  ruleId: string | null;
  message: string;
}

const CASES = {
  apiToAdapter: {
    filePath: 'server/api/x.ts',
    code: "import { SqliteAdapter } from '../store/sqlite/adapter';\nexport const s = SqliteAdapter;\n",
  },
  apiToPort: {
    filePath: 'server/api/x.ts',
    code: "import type { GraphStore } from '../store/port';\nexport type S = GraphStore;\n",
  },
  analysisToServices: {
    filePath: 'server/analysis/x.ts',
    code: "import { ReportsService } from '../services/reports';\nexport const s = ReportsService;\n",
  },
  clientToStore: {
    filePath: 'client/src/x.ts',
    code: "import type { GraphStore } from '../../server/store/port';\nexport type S = GraphStore;\n",
  },
  clientToModelRelative: {
    filePath: 'client/src/x.ts',
    code: "import { KIND_SPECS } from '../../server/model';\nexport const k = KIND_SPECS;\n",
  },
  clientToModelAlias: {
    filePath: 'client/src/x.ts',
    code: "import { KIND_SPECS } from '@model';\nexport const k = KIND_SPECS;\n",
  },
} satisfies Record<string, Case>;

const SCRIPT = `
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
const cases = JSON.parse(process.argv[1]);
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: [tseslint.configs.disableTypeChecked] });
const out = {};
for (const [name, c] of Object.entries(cases)) {
  const [result] = await eslint.lintText(c.code, { filePath: c.filePath });
  out[name] = result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message }));
}
process.stdout.write(JSON.stringify(out));
`;

let findings: Record<keyof typeof CASES, Finding[]>;

beforeAll(() => {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT, JSON.stringify(CASES)], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`ESLint failed: ${run.stderr}`);
  findings = JSON.parse(run.stdout) as typeof findings;
});

const rules = (name: keyof typeof CASES) => findings[name].map((f) => f.ruleId);

describe('the layer rules (eslint.config.mjs)', () => {
  test('when an API route imports a store adapter, then no-restricted-paths names the arrow', () => {
    expect(findings.apiToAdapter).toEqual([
      expect.objectContaining({
        ruleId: 'import-x/no-restricted-paths',
        message: expect.stringContaining('server/store/port.ts but no other file'),
      }),
    ]);
  });

  test('when an API route imports the GraphStore port, then nothing is reported', () => {
    expect(findings.apiToPort).toEqual([]);
  });

  test('when an analysis imports a service, then it is an error', () => {
    expect(rules('analysisToServices')).toEqual(['import-x/no-restricted-paths']);
    expect(findings.analysisToServices[0]!.message).toContain('analysis may not import services');
  });

  test('when the client reaches into the server by a relative path, then it is an error, even for the model', () => {
    expect(rules('clientToStore')).toEqual(
      expect.arrayContaining(['import-x/no-restricted-paths', 'no-restricted-imports']),
    );
    expect(rules('clientToModelRelative')).toEqual(['no-restricted-imports']);
  });

  test('when the client imports the model through the @model alias, then nothing is reported', () => {
    expect(findings.clientToModelAlias).toEqual([]);
  });
});
