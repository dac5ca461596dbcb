// Schema migrations of the embedded store, applied in order; never edit one that has shipped, add one.
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
];
