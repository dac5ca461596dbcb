// The curl commands of docs/api.md (sign in, a read, a write) run as written, with bash and curl, against the
// real app started on a port, on the seeded embedded store.
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_PASSWORD, createTestAccount } from '../support/auth';
import { startTestServer, type TestServer } from '../support/server';

const DOC = path.resolve(__dirname, '../../docs/api.md');

/** The shell block between the curl-example markers of docs/api.md. */
function curlExample(): string {
  const text = fs.readFileSync(DOC, 'utf8');
  const block = /<!-- curl-example:start -->\s*```sh\n([\s\S]*?)```\s*<!-- curl-example:end -->/.exec(text);
  if (!block?.[1])
    throw new Error('docs/api.md has no ```sh block between <!-- curl-example:start --> and <!-- curl-example:end -->');
  return block[1];
}

let server: TestServer;
let dir: string;

beforeAll(async () => {
  server = await startTestServer({ as: null });
  await createTestAccount(server.store, { role: 'editor', username: 'curl-user' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-curl-'));
}, 60000);
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('when the curl commands of docs/api.md are run against a started app, then each succeeds and does what the text says', async () => {
  const curl = spawnSync('curl', ['--version'], { encoding: 'utf8' });
  if (curl.error) throw new Error('curl is missing: install it (apt-get install curl; .ci/run does)');
  // Not spawnSync: the server runs in this process and must answer while bash waits.
  const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      'bash',
      ['-euo', 'pipefail', '-c', curlExample()],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 60000,
        env: { ...process.env, BASE: server.url, FA_USER: 'curl-user', FA_PASSWORD: TEST_PASSWORD },
      },
      (error, stdout, stderr) =>
        resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  expect(run.stdout).toContain('"username":"curl-user"');
  expect(run.stdout).toMatch(/"id":"se-ncp"[^}]*"ncp":true/);
  expect(run.stdout).toMatch(/"id":"se-curl-example"[^}]*"version":1/);
  expect(run.stdout).toMatch(/"level":"local"[^}]*"version":2/);
  expect(run.stdout).toContain('"stakeholder":1');
  await expect(server.store.get('stakeholder', 'se-curl-example')).rejects.toThrow();
}, 90000);
