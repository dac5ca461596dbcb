// Schema migrations of the embedded store, applied in order; never edit one that has shipped, add one.

// Migration 7's flow counts. A flow is counted in the pair of its ends' countries, '' for an end that does not
// exist (so a country's flows are those of the pairs naming it, as when every item was read; the store keeps its
// references, so that none is missing in practice).

/** A stakeholder's country by its key (an expression over `key`), '' when there is no such stakeholder. */
const countryOf = (key: string) =>
  `coalesce((SELECT json_extract(s.data, '$.country') FROM entities s WHERE s.kind = 'stakeholder' AND s.key = ${key}), '')`;

/** Adds `n` flows to the pair (a, b) of each row of `pairs` (columns a, b, n). */
const addPairs = (pairs: string) => `INSERT INTO flow_country_pairs (a, b, n)
       SELECT a, b, n FROM (${pairs}) WHERE true
       ON CONFLICT (a, b) DO UPDATE SET n = n + excluded.n;`;

/**
 * The flows naming stakeholder `key` at either end (each once; `+key` drops the column's affinity, so that the
 * comparison seeks in the expression index instead of scanning it), counted by the pair of their ends' countries,
 * with the stakeholder's own country taken as `own` (its country before the change) or, without `own`, looked up.
 */
const pairsOfFlowsOf = (key: string, own?: string) => {
  const end = (field: string) =>
    own ? `CASE WHEN ${field} = ${key} THEN ${own} ELSE ${countryOf(field)} END` : countryOf(field);
  return `SELECT ${end('fr')} AS a, ${end('t')} AS b, count(*) AS n FROM (
         SELECT json_extract(data, '$.from') AS fr, json_extract(data, '$.to') AS t FROM entities INDEXED BY flow_by_ends
           WHERE kind = 'flow' AND json_extract(data, '$.from') = +${key}
         UNION ALL
         SELECT json_extract(data, '$.from'), json_extract(data, '$.to') FROM entities INDEXED BY flow_by_to
           WHERE kind = 'flow' AND json_extract(data, '$.to') = +${key} AND json_extract(data, '$.from') IS NOT ${key}
       ) GROUP BY 1, 2`;
};

/** Takes one flow out of the pair of its ends' countries as they are now. */
const takeOutFlow = (row: string) =>
  addPairs(`SELECT ${countryOf(`json_extract(${row}.data, '$.from')`)} AS a,
         ${countryOf(`json_extract(${row}.data, '$.to')`)} AS b, -1 AS n`);

/** Moves the flows naming a stakeholder whose country was `own` to their pairs as they are now (after a change or a delete). */
const moveFlowsOf = (
  key: string,
  own: string,
) => `${addPairs(`SELECT a, b, -n AS n FROM (${pairsOfFlowsOf(key, own)})`)}
     ${addPairs(pairsOfFlowsOf(key))}`;

const FLOW_PAIR_TRIGGERS = `
   CREATE TRIGGER flow_pairs_flow_updated AFTER UPDATE OF data ON entities WHEN OLD.kind = 'flow' BEGIN
     ${takeOutFlow('OLD')}
   END;
   CREATE TRIGGER flow_pairs_flow_deleted AFTER DELETE ON entities WHEN OLD.kind = 'flow' BEGIN
     ${takeOutFlow('OLD')}
   END;
   CREATE TRIGGER flow_pairs_stakeholder_moved AFTER UPDATE OF data ON entities
     WHEN OLD.kind = 'stakeholder' AND json_extract(OLD.data, '$.country') IS NOT json_extract(NEW.data, '$.country') BEGIN
     ${moveFlowsOf('OLD.key', "coalesce(json_extract(OLD.data, '$.country'), '')")}
   END;
   CREATE TRIGGER flow_pairs_stakeholder_deleted AFTER DELETE ON entities WHEN OLD.kind = 'stakeholder' BEGIN
     ${moveFlowsOf('OLD.key', "coalesce(json_extract(OLD.data, '$.country'), '')")}
   END;`;

/**
 * The personalData values migration 9's partial index holds (server/auth/personal-data.ts's PERSONAL_LEVELS when it
 * was written): a query asking for these levels, or some of them, names the list as is so that SQLite may use it.
 */
export const PERSONAL_FLOW_LEVELS: readonly string[] = ['personal', 'special_category', 'criminal_offence'];
const personalFlowLevels = PERSONAL_FLOW_LEVELS.map((l) => `'${l}'`).join(', ');

export const MIGRATIONS: readonly string[] = [
  // 1: entities as JSON rows keyed by kind and key, the audit trail, and the store version.
  `CREATE TABLE entities (
     kind TEXT NOT NULL,
     key TEXT NOT NULL,
     data TEXT NOT NULL CHECK (json_valid(data)),
     version INTEGER NOT NULL CHECK (version >= 1),
     updated_at TEXT NOT NULL,
     updated_by TEXT NOT NULL,
     PRIMARY KEY (kind, key)
   ) WITHOUT ROWID;
   CREATE TABLE audit (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
     kind TEXT NOT NULL,
     key TEXT NOT NULL,
     before TEXT,
     after TEXT
   );
   CREATE INDEX audit_by_item ON audit (kind, key);
   CREATE INDEX audit_by_actor ON audit (actor);
   CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
   INSERT INTO meta (key, value) VALUES ('store_version', 0);`,
  // 2: mapping rounds (the frozen document as JSON), their sequence, and the countries of each audit
  // entry. Existing audit entries get theirs on a best-effort basis: a stakeholder's or network's
  // country is taken from the store, or, for one since deleted, from its own audit entries.
  `CREATE TABLE rounds (
     id TEXT PRIMARY KEY,
     seq INTEGER NOT NULL UNIQUE,
     name TEXT NOT NULL,
     name_key TEXT NOT NULL,
     scope TEXT NOT NULL,
     country TEXT,
     note TEXT,
     created_at TEXT NOT NULL,
     created_by TEXT NOT NULL,
     store_version INTEGER NOT NULL,
     counts TEXT NOT NULL CHECK (json_valid(counts)),
     document TEXT NOT NULL CHECK (json_valid(document)),
     UNIQUE (scope, name_key)
   );
   INSERT INTO meta (key, value) VALUES ('round_seq', 0);
   ALTER TABLE audit ADD COLUMN countries TEXT NOT NULL DEFAULT '[]';
   CREATE TEMP TABLE backfill_known AS
     SELECT kind, key, json_extract(data, '$.country') AS country FROM entities WHERE kind IN ('stakeholder', 'network')
     UNION
     SELECT a.kind, a.key, json_extract(coalesce(a.after, a.before), '$.country') FROM audit a
     WHERE a.kind IN ('stakeholder', 'network') AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.kind = a.kind AND e.key = a.key);
   CREATE INDEX backfill_known_key ON backfill_known (kind, key);
   CREATE TEMP TABLE backfill_refs AS
     WITH sides AS (
       SELECT seq, kind, before AS item FROM audit WHERE before IS NOT NULL
       UNION ALL
       SELECT seq, kind, after FROM audit WHERE after IS NOT NULL
     )
     SELECT seq, json_extract(item, '$.code') AS country, NULL AS stakeholder, NULL AS network FROM sides WHERE kind = 'country'
     UNION ALL SELECT seq, json_extract(item, '$.country'), NULL, NULL FROM sides WHERE kind IN ('stakeholder', 'network')
     UNION ALL SELECT seq, NULL, json_extract(item, '$.holder'), NULL FROM sides WHERE kind = 'dataset'
     UNION ALL SELECT seq, NULL, json_extract(item, '$.stakeholder'), NULL FROM sides WHERE kind IN ('interview', 'membership')
     UNION ALL SELECT seq, NULL, NULL, json_extract(item, '$.network') FROM sides WHERE kind = 'membership'
     UNION ALL SELECT seq, NULL, json_extract(item, '$.from'), NULL FROM sides WHERE kind IN ('flow', 'reportingLine')
     UNION ALL SELECT seq, NULL, json_extract(item, '$.to'), NULL FROM sides WHERE kind IN ('flow', 'reportingLine');
   CREATE TEMP TABLE backfill AS
     SELECT seq, country FROM backfill_refs WHERE country IS NOT NULL
     UNION SELECT r.seq, k.country FROM backfill_refs r JOIN backfill_known k ON k.kind = 'stakeholder' AND k.key = r.stakeholder
     UNION SELECT r.seq, k.country FROM backfill_refs r JOIN backfill_known k ON k.kind = 'network' AND k.key = r.network;
   CREATE INDEX backfill_seq ON backfill (seq);
   UPDATE audit SET countries = (
     SELECT json_group_array(country) FROM (SELECT country FROM backfill b WHERE b.seq = audit.seq AND country IS NOT NULL ORDER BY country)
   ) WHERE seq IN (SELECT seq FROM backfill WHERE country IS NOT NULL);
   DROP TABLE backfill;
   DROP TABLE backfill_refs;
   DROP TABLE backfill_known;`,
  // 3: accounts (with their scrypt hash; countries as a JSON list) and server-side sessions, keyed by the
  // SHA-256 of the session id. Not map data: outside the entities table and the store version.
  `CREATE TABLE accounts (
     username TEXT PRIMARY KEY,
     role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'ncp', 'viewer')),
     countries TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(countries)),
     display_name TEXT,
     password_hash TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     last_login_at TEXT
   ) WITHOUT ROWID;
   CREATE TABLE sessions (
     id_hash TEXT PRIMARY KEY,
     username TEXT NOT NULL,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     idle_expires_at TEXT NOT NULL
   ) WITHOUT ROWID;
   CREATE INDEX sessions_by_username ON sessions (username);
   CREATE INDEX sessions_by_expiry ON sessions (expires_at);`,
  // 4: the sign-in throttle's counts, kept in the store so that every process on it counts the same
  // failures (times in epoch milliseconds).
  `CREATE TABLE login_throttle (
     key TEXT PRIMARY KEY,
     failures INTEGER NOT NULL,
     last_failure_at INTEGER NOT NULL,
     locked_until INTEGER
   ) WITHOUT ROWID;
   CREATE INDEX login_throttle_idle ON login_throttle (last_failure_at);`,
  // 5: the store version each audit entry's change was committed as, so that an import can tell what
  // changed after the store version a file was exported at. Older entries have none (changed before any
  // export that records it).
  `ALTER TABLE audit ADD COLUMN store_version INTEGER;`,
  // 6: scoped reads. The audit trail by store version (what changed after a version), and expression indexes
  // on the JSON fields the map of one country and the country list filter on, each partial to its kind (a
  // query names the kind as a literal to use one): stakeholders and networks by country (a stakeholder's ncp
  // flag too, for the country list), flows by their ends (both, for the country list), reporting lines by
  // either end, datasets by holder, interviews by stakeholder, memberships by stakeholder and by network.
  `CREATE INDEX audit_by_store_version ON audit (store_version);
   CREATE INDEX stakeholder_by_country ON entities (json_extract(data, '$.country'), json_extract(data, '$.ncp')) WHERE kind = 'stakeholder';
   CREATE INDEX network_by_country ON entities (json_extract(data, '$.country')) WHERE kind = 'network';
   CREATE INDEX flow_by_ends ON entities (json_extract(data, '$.from'), json_extract(data, '$.to')) WHERE kind = 'flow';
   CREATE INDEX flow_by_to ON entities (json_extract(data, '$.to')) WHERE kind = 'flow';
   CREATE INDEX reporting_line_by_from ON entities (json_extract(data, '$.from')) WHERE kind = 'reportingLine';
   CREATE INDEX reporting_line_by_to ON entities (json_extract(data, '$.to')) WHERE kind = 'reportingLine';
   CREATE INDEX dataset_by_holder ON entities (json_extract(data, '$.holder')) WHERE kind = 'dataset';
   CREATE INDEX interview_by_stakeholder ON entities (json_extract(data, '$.stakeholder')) WHERE kind = 'interview';
   CREATE INDEX membership_by_stakeholder ON entities (json_extract(data, '$.stakeholder')) WHERE kind = 'membership';
   CREATE INDEX membership_by_network ON entities (json_extract(data, '$.network')) WHERE kind = 'membership';`,
  // 7: the country list's flow counts kept as they are written: flows per pair of their ends' countries (a country's
  // flows are those of the pairs naming it), filled from the store here. Triggers on updates and deletes take out
  // the flow an update or a delete replaces and move the flows of a stakeholder whose country changes or that is
  // deleted. The adapter's writes (sqlite/import.ts) add the flows they write and move the flows naming a stakeholder
  // they create: one set of stakeholder lookups for a whole batch, and no trigger on inserts (with one, every insert
  // of an import would keep a statement journal). Pairs at 0 may remain.
  `CREATE TABLE flow_country_pairs (
     a TEXT NOT NULL,
     b TEXT NOT NULL,
     n INTEGER NOT NULL,
     PRIMARY KEY (a, b)
   ) WITHOUT ROWID;
   INSERT INTO flow_country_pairs (a, b, n)
     WITH sc AS MATERIALIZED (SELECT key, json_extract(data, '$.country') AS c FROM entities INDEXED BY stakeholder_by_country WHERE kind = 'stakeholder')
     SELECT coalesce(a.c, ''), coalesce(b.c, ''), count(*) FROM entities f INDEXED BY flow_by_ends
       LEFT JOIN sc a ON a.key = json_extract(f.data, '$.from') LEFT JOIN sc b ON b.key = json_extract(f.data, '$.to')
     WHERE f.kind = 'flow' GROUP BY 1, 2;
${FLOW_PAIR_TRIGGERS}`,
  // 8: presence (the change feed's "who is looking at what"): one row per browser tab of a session, while the tab
  // keeps saying it is there. Not map data.
  `CREATE TABLE presence (
     id_hash TEXT NOT NULL,
     tab TEXT NOT NULL,
     username TEXT NOT NULL,
     role TEXT NOT NULL,
     country TEXT,
     view TEXT NOT NULL,
     editing_kind TEXT,
     editing_key TEXT,
     expires_at TEXT NOT NULL,
     PRIMARY KEY (id_hash, tab)
   ) WITHOUT ROWID;
   CREATE INDEX presence_by_expiry ON presence (expires_at);`,
  // 9: the flows carrying personal data, with their ends: a viewer's country list counts them per country (the flows
  // it may not see) from this index alone, instead of reading every flow's JSON (52 ms of 60 at 13 x 1,000). Partial,
  // so that an import of flows without personal data maintains nothing more.
  `CREATE INDEX flow_personal ON entities (json_extract(data, '$.personalData'), json_extract(data, '$.from'),
     json_extract(data, '$.to')) WHERE kind = 'flow' AND json_extract(data, '$.personalData') IN (${personalFlowLevels});`,
];
