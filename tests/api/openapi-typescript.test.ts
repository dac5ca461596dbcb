// What a client generator makes of the served OpenAPI document: openapi-typescript turns it into TypeScript types,
// and a few calls a national team would write (a read, an update of what was read with its version, an import)
// are type-checked against them, together with mistakes the types must refuse. So a generator user's code is
// known to compile against what the app serves.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import ts from 'typescript';
import { createApp } from '../../server/app';
import type { GraphStore } from '../../server/store/port';
import { smallMapStore } from '../support/small-store';

const root = path.resolve(__dirname, '../..');

/** A user's client code: fetch calls typed with the generated `paths` and `components`. */
const CLIENT = `
import type { components, paths } from './flow-atlas';

type Stakeholder = components['schemas']['Stakeholder'];
type StakeholderRead = paths['/api/stakeholders/{id}']['get']['responses'][200]['content']['application/json'];
type StakeholderPut = NonNullable<paths['/api/stakeholders/{id}']['put']['requestBody']>['content']['application/json'];
type ImportQuery = NonNullable<paths['/api/import']['post']['parameters']['query']>;
type ImportResult = paths['/api/import']['post']['responses'][200]['content']['application/json'];
type Upload = NonNullable<paths['/api/import']['post']['requestBody']>['content']['application/json'];
type ApiError = components['schemas']['Error'];
type ListQuery = NonNullable<paths['/api/stakeholders']['get']['parameters']['query']>;

export async function readStakeholder(base: string, cookie: string, id: string): Promise<StakeholderRead> {
  const res = await fetch(\`\${base}/api/stakeholders/\${encodeURIComponent(id)}\`, { headers: { cookie } });
  if (!res.ok) throw new Error(((await res.json()) as ApiError).error.message);
  return (await res.json()) as StakeholderRead;
}

/** What was read goes back changed, version and read-only fields included. */
export async function renameStakeholder(base: string, cookie: string, read: Stakeholder, name: string): Promise<Stakeholder> {
  const body: StakeholderPut = { ...read, name, version: read.version };
  const res = await fetch(\`\${base}/api/stakeholders/\${read.id}\`, {
    method: 'PUT', headers: { cookie, 'content-type': 'application/json', 'if-match': String(read.version) }, body: JSON.stringify(body),
  });
  if (res.status === 409) throw new Error('changed meanwhile: ' + JSON.stringify(((await res.json()) as ApiError).error.current));
  return (await res.json()) as Stakeholder;
}

export async function importMap(base: string, cookie: string, doc: Upload): Promise<ImportResult> {
  const query: ImportQuery = { mode: 'merge', dryRun: true, onConflict: 'keep' };
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const res = await fetch(\`\${base}/api/import?\${qs}\`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(doc) });
  const result = (await res.json()) as ImportResult;
  const created: number = result.created.stakeholder ?? 0;
  void created;
  return result;
}

export const ncps: ListQuery = { ncp: true, country: 'SE' };
export const doc: Upload = { formatVersion: 1, stakeholders: [{ id: 'se-x', name: 'X', country: 'SE', type: 'ngo' }] };

// Mistakes the generated types must refuse (each line would compile if they were too loose):
// @ts-expect-error the version is a number
export const badVersion: StakeholderPut = { name: 'x', country: 'SE', type: 'ngo', version: '3' };
// @ts-expect-error an update replaces the whole item: name, country and type are required
export const partial: StakeholderPut = { name: 'x', version: 3 };
// @ts-expect-error yes/no parameters are booleans
export const textBool: ListQuery = { ncp: 'true' };
// @ts-expect-error not a stakeholder type
export const badType: Stakeholder['type'] = 'wizard';
// @ts-expect-error what an import answers has no such field
export const nothing: ImportResult['nonsense'] = 1;
`;

let store: GraphStore;
let dir: string;

beforeAll(async () => {
  store = await smallMapStore();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-openapi-ts-'));
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function typeErrors(files: string[]): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: false,
    noEmit: true,
    skipLibCheck: false,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where =
      d.file && d.start !== undefined
        ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}`
        : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

test('when TypeScript types are generated from the served document, then a read, an update with its version and an import compile against them, and mistakes do not', async () => {
  const res = await request(createApp({ store })).get('/api/openapi.json').expect(200);
  fs.writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(res.body));
  const gen = spawnSync(
    path.join(root, 'node_modules', '.bin', 'openapi-typescript'),
    ['openapi.json', '-o', 'flow-atlas.ts'],
    {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120000,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', CI: 'true' },
    },
  );
  expect({ status: gen.status, stderr: gen.stderr.includes('✨') ? '' : gen.stderr }).toEqual({
    status: 0,
    stderr: '',
  });
  const types = fs.readFileSync(path.join(dir, 'flow-atlas.ts'), 'utf8');
  // One type per shared schema, not one copy per operation.
  expect(types.match(/^\s+Error: \{/gm)).toHaveLength(1);
  fs.writeFileSync(path.join(dir, 'client.ts'), CLIENT);
  expect(typeErrors([path.join(dir, 'client.ts')])).toEqual([]);

  // Without the @ts-expect-error marks, each mistake is an error of its own: the checks above have teeth.
  fs.writeFileSync(path.join(dir, 'client.ts'), CLIENT.replaceAll('// @ts-expect-error', '//'));
  expect(typeErrors([path.join(dir, 'client.ts')])).toHaveLength(5);
}, 150000);
