// `npm test`: everything a fresh machine can run. Type checks and lint, then unit/API/SQLite tests, the Neo4j
// tests (a real Neo4j, started here when Java and Maven exist), and the browser tests (a real
// Chromium). Says loudly what it skipped and why, and ends with one "passed, failed" line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'artifacts', 'test-results');
fs.mkdirSync(out, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const skips = [];
let broken = false;

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function jest(label, config, extra = [], env = {}) {
  const file = path.join(out, `${label}.json`);
  fs.rmSync(file, { force: true });
  const ok = run(label, 'npx', ['jest', '-c', config, '--json', `--outputFile=${file}`, ...extra], env);
  if (!fs.existsSync(file)) {
    console.error(`${label}: jest wrote no results`);
    broken = true;
    return null;
  }
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  if (!ok && report.numFailedTests === 0) broken = true; // e.g. a suite that failed to load
  return report;
}

function titles(report) {
  return report ? report.testResults.flatMap((f) => f.assertionResults.map((a) => a.title)) : [];
}

if (!run('typecheck', 'npm', ['run', '--silent', 'typecheck'])) broken = true;
// ESLint (type-checked rules, the rules of hooks, the layers of docs/architecture.md) and Prettier's check.
if (!run('lint', 'npm', ['run', '--silent', 'lint'])) broken = true;

// The unit and API run records every exchange the tests have with the app; the contract step then checks them
// all against the served OpenAPI document (tests/contract/recorded-exchanges.check.ts).
const exchanges = path.join(root, 'artifacts', 'exchanges');
fs.rmSync(exchanges, { recursive: true, force: true });
const unit = jest('unit-api-sqlite', 'jest.config.js', [], { OPENAPI_RECORD_DIR: exchanges });
jest('api-contract', 'jest.contract.config.js', [], { OPENAPI_RECORD_DIR: exchanges });
if (titles(unit).some((t) => t.startsWith('when NetworkX is missing'))) {
  skips.push(
    'NetworkX reference checks: python3-networkx missing (apt-get install python3-networkx); the metrics were checked by brute force only',
  );
}

const neo4j = jest('neo4j', 'jest.int.config.js', ['--runInBand']);
if (titles(neo4j).some((t) => t.startsWith('when no Neo4j could be started'))) {
  skips.push(
    `Neo4j store contract: no Neo4j available (${process.env.NEO4J_SKIP_REASON ?? 'see "NEO4J SKIPPED" above'}); set REQUIRE_NEO4J=1 to make this an error`,
  );
}

if (run('build client', 'npm', ['run', '--silent', 'build'])) {
  const e2e = jest('e2e', 'jest.e2e.config.js', ['--runInBand']);
  if (titles(e2e).some((t) => t.startsWith('when Chromium is missing'))) {
    skips.push(
      'Browser tests: no Chromium found (apt-get install chromium); set REQUIRE_BROWSER=1 to make this an error',
    );
  }
} else {
  broken = true;
}

console.log('');
for (const s of skips) console.log(`SKIPPED: ${s}`);
if (broken) console.log('FAILED: a step failed before or outside its tests (see above)');
console.log(
  `total: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(broken || totals.failed > 0 ? 1 : 0);
