// Flow Atlas schema for Neo4j 5: uniqueness constraints (each backed by an index) and lookup indexes.
// Applied at start-up, one statement at a time; every statement is idempotent.
CREATE CONSTRAINT country_code IF NOT EXISTS FOR (n:Country) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT theme_code IF NOT EXISTS FOR (n:Theme) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT indicator_code IF NOT EXISTS FOR (n:Indicator) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT stakeholder_id IF NOT EXISTS FOR (n:Stakeholder) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT network_id IF NOT EXISTS FOR (n:Network) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT interview_id IF NOT EXISTS FOR (n:Interview) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT shares_with_id IF NOT EXISTS FOR ()-[r:SHARES_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT reports_to_id IF NOT EXISTS FOR ()-[r:REPORTS_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT audit_seq IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.seq IS UNIQUE;
CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (n:FlowAtlasMeta) REQUIRE n.key IS UNIQUE;
// The kept whole-store snapshot (server/store/neo4j/stored-snapshot.ts): one node, written by any app instance.
CREATE CONSTRAINT snapshot_key IF NOT EXISTS FOR (n:FlowAtlasSnapshot) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT round_id IF NOT EXISTS FOR (n:Round) REQUIRE n.id IS UNIQUE;
// A round's name is unique in its scope (a country code, or 'region'), compared case-insensitively (nameKey).
CREATE CONSTRAINT round_name IF NOT EXISTS FOR (n:Round) REQUIRE (n.scope, n.nameKey) IS UNIQUE;
// Accounts and sessions (not map data); a session is found by the SHA-256 of its id.
CREATE CONSTRAINT account_username IF NOT EXISTS FOR (n:Account) REQUIRE n.username IS UNIQUE;
CREATE CONSTRAINT session_id IF NOT EXISTS FOR (n:Session) REQUIRE n.idHash IS UNIQUE;
CREATE INDEX session_username IF NOT EXISTS FOR (n:Session) ON (n.username);
CREATE INDEX session_expiry IF NOT EXISTS FOR (n:Session) ON (n.expiresAt);
// The flows carrying personal data (null, the most, is not indexed): a viewer's country list (country.counts).
CREATE INDEX shares_with_personal IF NOT EXISTS FOR ()-[r:SHARES_WITH]-() ON (r.personalData);
CREATE INDEX stakeholder_country IF NOT EXISTS FOR (n:Stakeholder) ON (n.country);
CREATE INDEX stakeholder_type IF NOT EXISTS FOR (n:Stakeholder) ON (n.type);
CREATE INDEX network_country IF NOT EXISTS FOR (n:Network) ON (n.country);
CREATE INDEX audit_item IF NOT EXISTS FOR (n:AuditEntry) ON (n.kind, n.key);
CREATE INDEX audit_actor IF NOT EXISTS FOR (n:AuditEntry) ON (n.actor);
// The sign-in throttle's counts, shared by every app instance (times in epoch milliseconds).
CREATE CONSTRAINT login_throttle_key IF NOT EXISTS FOR (n:LoginThrottle) REQUIRE n.key IS UNIQUE;
CREATE INDEX login_throttle_idle IF NOT EXISTS FOR (n:LoginThrottle) ON (n.lastFailureAt);
// Big imports on Neo4j are staged under these labels (invisible to every read query) and published at once.
CREATE INDEX staged_country IF NOT EXISTS FOR (n:StagedCountry) ON (n._import);
// (import, id): one index serves both the look-up of an end by id and every item of an import (its prefix).
CREATE INDEX staged_stakeholder_key IF NOT EXISTS FOR (n:StagedStakeholder) ON (n._import, n.id);
CREATE INDEX staged_network_key IF NOT EXISTS FOR (n:StagedNetwork) ON (n._import, n.id);
CREATE INDEX staged_interview IF NOT EXISTS FOR (n:StagedInterview) ON (n._import);
CREATE INDEX staged_dataset IF NOT EXISTS FOR (n:StagedDataset) ON (n._import);
// Staged audit entries are found by their reserved sequence numbers (stage.reserve), scanning the label: no index to
// fill while staging, nor to empty while publishing.
DROP INDEX staged_audit IF EXISTS;
CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (n:ImportRun) REQUIRE n.id IS UNIQUE;
// What changed after a store version (changesSince).
CREATE INDEX audit_store_version IF NOT EXISTS FOR (n:AuditEntry) ON (n.storeVersion);
