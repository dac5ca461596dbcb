// Redocly CLI lints the OpenAPI document the app serves (recommended rules, redocly.yaml), offline: no
// telemetry, no update check. Any error fails; warnings are listed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../../server/app';
import type { GraphStore } from '../../server/store/port';
import { smallMapStore } from '../support/small-store';

const root = path.resolve(__dirname, '../..');
let store: GraphStore;
let dir: string;

beforeAll(async () => {
  store = await smallMapStore();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-openapi-'));
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location?: Array<{ pointer?: string }>;
}

function lint(document: object): { errors: LintProblem[]; warnings: LintProblem[] } {
  const file = path.join(dir, 'openapi.json');
  fs.writeFileSync(file, JSON.stringify(document));
  const run = spawnSync(
    path.join(root, 'node_modules', '.bin', 'redocly'),
    ['lint', file, '--config', path.join(root, 'redocly.yaml'), '--format', 'json'],
    {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120000,
      env: {
        ...process.env,
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
        REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
        CI: 'true',
      },
    },
  );
  const start = run.stdout.indexOf('{');
  if (start < 0) throw new Error(`redocly printed no report (exit ${run.status}): ${run.stderr.slice(0, 2000)}`);
  const { problems } = JSON.parse(run.stdout.slice(start)) as { problems: LintProblem[] };
  return {
    errors: problems.filter((p) => p.severity === 'error'),
    warnings: problems.filter((p) => p.severity !== 'error'),
  };
}

const brief = (p: LintProblem) => `${p.ruleId} at ${p.location?.[0]?.pointer ?? '?'}: ${p.message}`;

test('when the served OpenAPI document is linted with the recommended rules, then there is no error', async () => {
  const res = await request(createApp({ store })).get('/api/openapi.json').expect(200);
  const { errors, warnings } = lint(res.body);
  expect(errors.map(brief)).toEqual([]);
  if (warnings.length) console.log(`redocly lint: ${warnings.length} warnings\n${warnings.map(brief).join('\n')}`);
}, 150000);

test('when the document has a defect the rules know (no sign-in described, an unknown $ref), then the lint says so', async () => {
  const res = await request(createApp({ store })).get('/api/openapi.json').expect(200);
  const broken = structuredClone(res.body);
  delete broken.security;
  broken.paths['/api/countries'].get.responses['200'].content['application/json'].schema = {
    $ref: '#/components/schemas/Nothing',
  };
  const { errors } = lint(broken);
  expect(errors.map((e) => e.ruleId)).toEqual(expect.arrayContaining(['security-defined', 'no-unresolved-refs']));
}, 150000);
