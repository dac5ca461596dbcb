// Flow Atlas: warms a just-started JVM's JIT on a throw-away database before the launcher opens the real one.
package org.flowatlas;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * A Neo4j JVM runs its first minutes of work interpreted or half compiled: a region's import (87,000 items) into a
 * Neo4j just started took 2-3 times as long as into the same Neo4j after one import (Cypher planning, record and
 * index writes, commits: the JIT compiles them as they run, on the same two cores). Before the real database opens,
 * this plans the app's queries (cypher/store, cypher/analysis, under EXPLAIN) and writes a small staged import the
 * way server/store/neo4j/staging.ts does (nodes, relationships between them, audit entries, then the publishing
 * relabel) into a database of its own in {@code dir}, which is deleted afterwards (and at the next start, if the
 * JVM was killed meanwhile). The real database is not open yet: nothing of this can be seen or survive in it.
 */
final class WarmUp {
    private static final int BATCH = 5_000;
    private static final int STAKEHOLDERS = 10_000;
    private static final int DATASETS = 4_000;
    private static final int FLOWS = 20_000;
    private static final int ENTRIES = 20_000;
    private static final int INDICATORS = 30;
    private static final String AT = "2026-01-01T00:00:00.000Z";

    // The same shapes as cypher/store/stage.{stakeholder,dataset,flow,audit}.cypher and publish.stakeholder.cypher.
    private static final String STAKEHOLDER = "UNWIND $rows AS row CREATE (:StagedStakeholder {id: row[0], name: row[1],"
            + " country: row[2], type: row[3], level: row[4], ncp: row[5], description: row[6], contactEmail: row[7],"
            + " contactPhone: row[8], contactUrl: row[9], tags: row[10], sector: row[11], version: row[12],"
            + " updatedAt: row[13], updatedBy: row[14], _import: $import})";
    private static final String DATASET = "UNWIND $rows AS row CREATE (d:StagedDataset {id: row[0], name: row[1],"
            + " holder: row[2], indicators: row[3], granularity: row[4], frequency: row[5], personalData: row[6],"
            + " notes: row[7], version: row[8], updatedAt: row[9], updatedBy: row[10], _import: $import})"
            + " WITH d, row CALL { WITH d, row OPTIONAL MATCH (v:Stakeholder {id: row[2]})"
            + " OPTIONAL MATCH (s:StagedStakeholder {_import: $import, id: row[2]})"
            + " WITH d, coalesce(v, s) AS holder WHERE holder IS NOT NULL CREATE (holder)-[:HOLDS]->(d) }"
            + " WITH d, row UNWIND row[3] AS code MATCH (i:Indicator {code: code}) CREATE (d)-[:COVERS]->(i)";
    private static final String FLOW = "UNWIND $rows AS row MATCH (a:StagedStakeholder {_import: $import, id: row[0]}),"
            + " (b:StagedStakeholder {_import: $import, id: row[1]}) CREATE (a)-[r:SHARES_WITH {id: row[2],"
            + " indicators: row[3], basis: row[4], trigger: row[5], frequency: row[6], granularity: row[7],"
            + " personalData: row[8], channel: row[9], latencyDays: row[10], status: row[11], personDependent: row[12],"
            + " evidence: row[13], confidence: row[14], since: row[15], note: row[16], version: row[17],"
            + " updatedAt: row[18], updatedBy: row[19]}]->(b) RETURN count(r) AS value";
    private static final String AUDIT = "UNWIND $rows AS e CREATE (:AuditEntry {seq: e[0], at: e[1], actor: e[2],"
            + " action: e[3], kind: e[4], key: e[5], countries: e[6], before: e[7], after: e[8], storeVersion: 1})";
    private static final String PUBLISH = "MATCH (n:StagedStakeholder {_import: $import}) SET n:Stakeholder"
            + " REMOVE n:StagedStakeholder, n._import RETURN count(n) AS value";

    private WarmUp() {}

    /** Runs the warm-up in {@code dir} (removed before and after) with the app's Cypher in {@code cypherDir}. */
    static void run(Path dir, Path cypherDir) throws Exception {
        delete(dir);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dir)
                .setConfig(BoltConnector.enabled, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
                .setConfig(GraphDatabaseSettings.tx_state_memory_allocation,
                        GraphDatabaseSettings.TransactionStateMemoryAllocation.ON_HEAP)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .build();
        try {
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            for (String statement : statements(Files.readString(cypherDir.resolve("schema.cypher")))) {
                db.executeTransactionally(statement);
            }
            db.executeTransactionally("CALL db.awaitIndexes(120)");
            for (Path file : queryFiles(cypherDir)) {
                try {
                    db.executeTransactionally("EXPLAIN " + Files.readString(file));
                } catch (RuntimeException e) {
                    // a query that cannot be planned without its parameters: planned when first run instead
                }
            }
            db.executeTransactionally("UNWIND range(0, $n - 1) AS i CREATE (:Indicator {code: 'I' + i})",
                    Map.of("n", INDICATORS));
            // Two lanes at once, as an import's items and audit entries are staged.
            ExecutorService lanes = Executors.newFixedThreadPool(2);
            try {
                Future<?> items = lanes.submit(() -> {
                    batches(db, STAKEHOLDER, STAKEHOLDERS, WarmUp::stakeholder);
                    batches(db, DATASET, DATASETS, WarmUp::dataset);
                    batches(db, FLOW, FLOWS, WarmUp::flow);
                    db.executeTransactionally(PUBLISH, Map.of("import", "warm-up"));
                    return null;
                });
                Future<?> audit = lanes.submit(() -> {
                    batches(db, AUDIT, ENTRIES, WarmUp::entry);
                    return null;
                });
                items.get();
                audit.get();
            } finally {
                lanes.shutdownNow();
            }
        } finally {
            dbms.shutdown();
            delete(dir);
        }
    }

    /** cypher/schema.cypher's statements, as server/store/neo4j/executor.ts splits them. */
    private static List<String> statements(String text) {
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.trim().startsWith("//")) kept.append(line).append('\n');
        }
        List<String> out = new ArrayList<>();
        for (String s : kept.toString().split(";")) {
            if (!s.isBlank()) out.add(s.trim());
        }
        return out;
    }

    private static List<Path> queryFiles(Path cypherDir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String sub : List.of("store", "analysis")) {
            Path folder = cypherDir.resolve(sub);
            if (!Files.isDirectory(folder)) continue;
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(p -> p.toString().endsWith(".cypher")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private interface Row {
        List<Object> of(int i);
    }

    private static void batches(GraphDatabaseService db, String query, int count, Row row) {
        for (int from = 0; from < count; from += BATCH) {
            List<List<Object>> rows = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + BATCH); i++) rows.add(row.of(i));
            db.executeTransactionally(query, Map.of("rows", rows, "import", "warm-up"));
        }
    }

    private static List<Object> stakeholder(int i) {
        return Arrays.asList("s" + i, "Stakeholder " + i, "C" + (i % 13), "agency", "national", i % 100 == 0,
                "What stakeholder " + i + " does and with whom it shares data.", "x" + i + "@example.org",
                "+46 8 " + i, "https://example.org/" + i, List.of("t" + (i % 7), "t" + (i % 11)), "police", 1L, AT,
                "warm-up");
    }

    private static List<Object> dataset(int i) {
        return Arrays.asList("d" + i, "Dataset " + i, "s" + (i % STAKEHOLDERS),
                List.of("I" + (i % INDICATORS), "I" + ((i + 7) % INDICATORS)), "individual", "daily", "none",
                "Notes on dataset " + i, 1L, AT, "warm-up");
    }

    private static List<Object> flow(int i) {
        return Arrays.asList("s" + (i % STAKEHOLDERS), "s" + ((i * 7 + 1) % STAKEHOLDERS), "f" + i,
                List.of("I" + (i % INDICATORS)), "law", "event", "daily", "individual", "none", "api", (long) (i % 30),
                "active", i % 2 == 0, "interview " + i, "high", 2020L, "A note on flow " + i, 1L, AT, "warm-up");
    }

    private static List<Object> entry(int i) {
        return Arrays.asList((long) i, AT, "warm-up", "create", "flow", "f" + i, List.of("C" + (i % 13)), null,
                "{\"id\":\"f" + i + "\",\"from\":\"s" + i + "\",\"to\":\"s" + (i + 1) + "\",\"indicators\":[\"I1\"],"
                        + "\"basis\":\"law\",\"frequency\":\"daily\",\"note\":\"A note on flow " + i + "\",\"version\":1}");
    }

    /** Removes a folder and everything in it (nothing when it does not exist). */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path folder, IOException e) throws IOException {
                if (e != null) throw e;
                Files.delete(folder);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
