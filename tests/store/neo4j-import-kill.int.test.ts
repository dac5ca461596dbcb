// A process killed half-way through a Neo4j import leaves the store as before: `npm run import` of a big
// generated map of country XQ (items of XQ only) is killed with SIGKILL once Neo4j shows it writing (staging
// batches), and then every label, relationship type and the store version that readers see are counted as
// before; the staged batches it left are removed by the next start-up (init), after which everything is.
// Runs on the test run's Neo4j (NEO4J_URI) and removes exactly what it created (the catalogue entries
// it had to add, XQ's items and this run's audit entries, should the import have got through).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { readCatalogue } from '../../seed/loader';
import { createStore } from '../../server/store';
import { CoreGraphStore } from '../../server/store/core';
import { Neo4jAdapter } from '../../server/store/neo4j/adapter';
import type { GraphStore } from '../../server/store/port';
import { syntheticRegion } from '../perf/synthetic';
import { noNeo4jTest } from '../support/test-neo4j';

const uri = process.env.NEO4J_URI;
const ROOT = path.resolve(__dirname, '../..');
const DEADLINE_MS = 120_000;

/** One country, XQ: the synthetic region's first country with its codes and ids renamed, other countries left out. */
function bigDocumentOfXQ(stakeholders: number): object {
  const doc = syntheticRegion({ countries: 1, stakeholdersPerCountry: stakeholders, seed: 17 }) as unknown as Record<
    string,
    unknown
  >;
  const isXA = (v: unknown) => typeof v === 'string' && (v === 'XA' || v.startsWith('xa-'));
  const keep: Record<string, (item: Record<string, unknown>) => boolean> = {
    countries: (c) => isXA(c.code),
    stakeholders: (s) => isXA(s.id),
    datasets: (d) => isXA(d.id) && isXA(d.holder),
    flows: (f) => isXA(f.from) && isXA(f.to),
    reportingLines: (r) => isXA(r.from) && isXA(r.to),
    networks: (n) => isXA(n.id),
    memberships: (m) => isXA(m.stakeholder) && isXA(m.network),
    interviews: (i) => isXA(i.id) && isXA(i.stakeholder),
  };
  for (const [collection, test] of Object.entries(keep)) {
    if (Array.isArray(doc[collection])) doc[collection] = (doc[collection] as Record<string, unknown>[]).filter(test);
  }
  return JSON.parse(
    JSON.stringify(doc)
      .replace(/"XA"/g, '"XQ"')
      .replace(/\(XA\)/g, '(XQ)')
      .replace(/"xa-/g, '"xq-'),
  );
}

/**
 * Everything in the database, counted: nodes per label set, relationships per type, the meta values. Audit entries an
 * import staged and has not published (their seq in a range of an ImportRun node, which readers leave out) are counted
 * apart, as StagedAuditEntry; relationships with a staged end apart, as rel:Staged:<type>.
 */
async function census(driver: Driver): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const nodes = await driver.executeQuery(
    `OPTIONAL MATCH (run:ImportRun)
     WITH collect(run.auditRanges) AS ranges
     WITH reduce(p = [], r IN ranges | p + r) AS pending
     MATCH (n)
     WITH n, pending, n:AuditEntry AND size(pending) > 0 AND any(i IN range(0, size(pending) - 1, 4) WHERE pending[i] <= n.seq <= pending[i + 1]) AS hidden
     RETURN CASE WHEN hidden THEN ['StagedAuditEntry'] ELSE labels(n) END AS l, count(*) AS c`,
  );
  for (const r of nodes.records) out[`node:${[...r.get('l')].sort().join(':')}`] = Number(r.get('c'));
  // A relationship with a staged end (a staged interview's INTERVIEWED) is staged too: no read query reaches it.
  const rels = await driver.executeQuery(
    `MATCH (a)-[r]->(b)
     RETURN type(r) AS t, any(l IN labels(a) + labels(b) WHERE l STARTS WITH 'Staged') AS staged, count(*) AS c`,
  );
  for (const r of rels.records) {
    const key = `rel:${r.get('staged') ? 'Staged:' : ''}${r.get('t')}`;
    out[key] = (out[key] ?? 0) + Number(r.get('c'));
  }
  const meta = await driver.executeQuery('MATCH (m:FlowAtlasMeta) RETURN m.key AS k, m.value AS v');
  for (const r of meta.records) out[`meta:${r.get('k')}`] = Number(r.get('v'));
  return out;
}

/** The app's open transactions (tagged app: flow-atlas) and what each is running. */
async function appTransactions(driver: Driver): Promise<string[]> {
  const res = await driver.executeQuery(
    "SHOW TRANSACTIONS YIELD transactionId, currentQuery, metaData WHERE metaData.app = 'flow-atlas' RETURN currentQuery AS q",
  );
  return res.records.map((r) => String(r.get('q') ?? ''));
}

const XQ_ITEMS =
  "MATCH (n) WHERE n.code = 'XQ' OR n.id STARTS WITH 'xq-' OR n.stakeholder STARTS WITH 'xq-' RETURN count(n) AS c";

if (uri) {
  describe('a Neo4j import killed half-way', () => {
    jest.setTimeout(300_000);
    let driver: Driver;
    let store: GraphStore;
    let dir: string;
    const user = `kill-test-${process.pid}`;
    const addedCatalogue: Array<['theme' | 'indicator', string]> = [];

    beforeAll(async () => {
      driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true });
      store = await createStore({
        dataDir: os.tmpdir(),
        neo4j: { uri, user: 'neo4j', password: '', database: 'neo4j' },
      });
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-import-kill-'));
    });

    afterAll(async () => {
      // Only what this test made: XQ's items and this run's audit entries (if the import got through), the catalogue it added.
      await driver.executeQuery("MATCH (n) WHERE n.code = 'XQ' OR n.id STARTS WITH 'xq-' DETACH DELETE n");
      await driver.executeQuery('MATCH (a:AuditEntry) WHERE a.actor IN $actors DELETE a', {
        actors: [`cli:${user}`, user],
      });
      for (const [kind, key] of addedCatalogue.reverse()) {
        const item = await store.get(kind, key).catch(() => undefined);
        if (item) await store.delete(kind, key, item.version, user);
      }
      await driver.executeQuery('MATCH (a:AuditEntry) WHERE a.actor = $actor DELETE a', { actor: user });
      await store.close();
      await driver.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    test('when `npm run import` is killed (SIGKILL) while its transaction writes, then the store holds exactly what it held before', async () => {
      // The catalogue the document refers to (the import would add it on a fresh store): added now, counted in "before".
      const catalogue = readCatalogue();
      const had = new Set([
        ...(await store.list('theme')).map((t) => `theme:${t.code}`),
        ...(await store.list('indicator')).map((i) => `indicator:${i.code}`),
      ]);
      await store.ensureCatalogue(catalogue, user);
      for (const t of catalogue.themes as Array<{ code: string }>)
        if (!had.has(`theme:${t.code}`)) addedCatalogue.push(['theme', t.code]);
      for (const i of catalogue.indicators as Array<{ code: string }>)
        if (!had.has(`indicator:${i.code}`)) addedCatalogue.push(['indicator', i.code]);
      expect((await driver.executeQuery(XQ_ITEMS)).records[0]?.get('c')).toBe(0);

      const file = path.join(dir, 'xq.json');
      const doc = bigDocumentOfXQ(3000) as { flows: unknown[]; stakeholders: unknown[] };
      expect(doc.stakeholders.length).toBeGreaterThan(2000);
      expect(doc.flows.length).toBeGreaterThan(10_000);
      fs.writeFileSync(file, JSON.stringify(doc));
      const before = await census(driver);

      const child = spawn('npm', ['run', 'import', '--', file], {
        cwd: ROOT,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NEO4J_URI: uri, USER: user, LOG_LEVEL: 'error' },
      });
      let output = '';
      child.stdout.on('data', (d) => {
        output += String(d);
      });
      child.stderr.on('data', (d) => {
        output += String(d);
      });
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('exit', (code, signal) => resolve({ code, signal })),
      );
      let exitedEarly: { code: number | null; signal: NodeJS.Signals | null } | undefined;
      void exited.then((e) => {
        exitedEarly = e;
      });

      // Mid-write: Neo4j shows the import's transaction running an upsert of the map's items.
      const end = Date.now() + DEADLINE_MS;
      let seen = '';
      while (Date.now() < end && !exitedEarly) {
        const running = await appTransactions(driver);
        // Writes only: the planning reads (flow.list, reportingLine.list) name SHARES_WITH and REPORTS_TO too.
        seen =
          running.find((q) =>
            /CREATE \(\w*:Staged(Stakeholder|Network|Dataset) \{|CREATE \(a\)-\[r:(SHARES_WITH|REPORTS_TO) \{/.test(q),
          ) ?? '';
        if (seen) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      if (!seen) {
        process.kill(-child.pid!, 'SIGKILL');
        throw new Error(`never saw the import writing (exit: ${JSON.stringify(exitedEarly)}); output:\n${output}`);
      }
      process.kill(-child.pid!, 'SIGKILL'); // the whole group: npm, the shell, tsx and node
      expect((await exited).signal).toBe('SIGKILL');

      // Neo4j rolls the transaction back once it sees the connection gone.
      const rolledBackBy = Date.now() + DEADLINE_MS;
      while ((await appTransactions(driver)).length > 0 && Date.now() < rolledBackBy)
        await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await appTransactions(driver)).toEqual([]);
      // What readers see (no query matches staged labels) is as before ... The audit sequence's counter is not among it:
      // the import reserved the numbers of its staged audit entries (the next start-up gives them back).
      const staged = (key: string) => /Staged|ImportRun|^meta:audit_seq$/.test(key);
      const seenByReaders = (c: Record<string, number>) =>
        Object.fromEntries(Object.entries(c).filter(([k]) => !staged(k)));
      const afterKill = await census(driver);
      expect(seenByReaders(afterKill)).toEqual(seenByReaders(before));
      expect(Object.keys(afterKill).some(staged)).toBe(true);
      // ... and the next start-up removes what the killed import staged (at once here; 60 s after its last batch by default).
      const next = new CoreGraphStore(
        new Neo4jAdapter({ uri, user: 'neo4j', password: '', database: 'neo4j' }, { staleImportMs: 0 }),
      );
      await next.init();
      await next.close();
      expect(await census(driver)).toEqual(before);
      expect((await driver.executeQuery(XQ_ITEMS)).records[0]?.get('c')).toBe(0);
    });
  });
} else {
  noNeo4jTest();
}
