// Flow Atlas: warms Neo4j for the app before the launcher says it is ready: the real database's own query plans of an
// import, and the JIT on them.
package org.flowatlas;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;

/**
 * A Neo4j JVM runs its first minutes of work interpreted or half compiled, and Neo4j caches a query's plan, and the
 * code it generates for it, per database, query text, parameter types (a list's or string's size as 0, 1, up to 10,
 * up to 100, ...) and whether the transaction wrote before: a region's import into a Neo4j just started took twice as
 * long as a second one, and a warm-up on a throw-away database (this class until 2026-12-07) did not get near the
 * second import's figures, since the real database still planned each query and ran it on code compiled for none.
 *
 * <p>So this runs an import's queries (cypher/store, the very texts, with parameters of the shapes server/store/neo4j
 * sends) on the real database, before the launcher says it is ready, under an import id of its own and the way an
 * import does: its run node first, items under Staged labels and audit entries hidden by the run node's ranges (what
 * no read query returns); the catalogue's and the publishing transactions rolled back. Then it removes what it staged
 * with the app's own stage.discard and stage.release (also first: what a killed warm-up left; the app's start-up
 * clean-up removes that too, its run node being touched at 0). It applies cypher/schema.cypher first (the app applies
 * it at start-up too), so that the plans are those the app's indexes give, and plans every query of cypher/store and
 * cypher/analysis under EXPLAIN at the end (the planner's code; a run plans again, its cache key differs).
 */
final class WarmUp {
    /** As long as an import's id (a UUID): a string parameter's length is part of a plan's cache key. */
    static final String IMPORT = "flow-atlas-launcher-warm-up-00000000";
    /** Ids no item has (ids are trimmed text): the warm-up's datasets and links find no real stakeholder or indicator. */
    private static final String ID = "\u0000warm-up ";
    private static final int BATCH = 5_000;
    private static final String AT = "2026-01-01T00:00:00.000Z";

    private final GraphDatabaseService db;
    private final Path cypherDir;
    private final Map<String, String> q = new HashMap<>();

    private WarmUp(GraphDatabaseService db, Path cypherDir) throws IOException {
        this.db = db;
        this.cypherDir = cypherDir;
        try (Stream<Path> files = Files.list(cypherDir.resolve("store"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(".cypher")) q.put(name.substring(0, name.length() - 7), Files.readString(f));
            }
        }
    }

    /** Warms the real database {@code db} with the app's schema and queries in {@code cypherDir}. */
    static void run(GraphDatabaseService db, Path cypherDir) throws Exception {
        new WarmUp(db, cypherDir).run();
    }

    private void run() throws Exception {
        for (String statement : statements(Files.readString(cypherDir.resolve("schema.cypher")))) {
            db.executeTransactionally(statement);
        }
        db.executeTransactionally("CALL db.awaitIndexes(300)");
        discard();
        try {
            stage();
            publish();
        } finally {
            discard();
            // The audit sequence's counter as no import took a number (stage.release gave them back), which
            // audit.reserve makes when needed: the one the warm-up made (or a killed one left) on an empty store.
            db.executeTransactionally("MATCH (m:FlowAtlasMeta {key: 'audit_seq'}) WHERE m.value = 0 DELETE m");
        }
        // Planned on the store as it is again (a plan is made again when the statistics it was made with have changed
        // much, as staging changes them): what an import reads first (leftovers, the memory limits, the store as its
        // plan reads it), then its catalogue's transaction.
        tx(false, t -> run(t, "stage.stale", Map.of("before", 0L)));
        tx(false, t -> run(t, "stage.limits", Map.of()));
        tx(false, t -> {
            run(t, "meta.version", Map.of());
            for (String kind : List.of("country", "theme", "indicator", "stakeholder", "network", "interview", "dataset",
                    "flow", "reportingLine", "membership")) {
                run(t, kind + ".list", Map.of());
            }
        });
        catalogue();
        explainStaging();
        explainAll();
        awaitCompiled();
    }

    /**
     * Waits (at most a minute) until the JIT has compiled what the warm-up made hot: no compiling for a whole half second.
     * Otherwise, on busy cores, the compilers' backlog runs into the first import and that import on code not yet compiled.
     */
    private static void awaitCompiled() throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) return;
        long deadline = System.nanoTime() + 60_000_000_000L;
        long before = jit.getTotalCompilationTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            long now = jit.getTotalCompilationTime();
            if (now - before < 10) return;
            before = now;
        }
    }

    /** The catalogue's write transaction (themes and indicators, their audit entries), rolled back. */
    private void catalogue() {
        tx(false, t -> {
            run(t, "meta.lock", Map.of());
            for (int size : new int[] {10, 1, 10, 1}) run(t, "theme.get", Map.of("keys", list(size, i -> ID + "t" + i)));
            run(t, "theme.upsert", Map.of("rows", list(10, i -> Map.of("code", ID + "t" + i, "name", "Theme " + i))));
            run(t, "indicator.get", Map.of("keys", list(100, i -> ID + "i" + i)));
            run(t, "indicator.upsert", Map.of("rows", list(100, i -> Map.of("code", ID + "i" + i, "name",
                    "Indicator " + i, "themes", List.of(ID + "t" + i % 10)))));
            long last = (Long) run(t, "audit.reserve", Map.of("count", 100L)).get(0);
            run(t, "meta.version", Map.of());
            run(t, "audit.append", Map.of("entries", list(100, i -> entry(last - 99 + i, "indicator", ID + "i" + i))));
            run(t, "meta.bump", Map.of());
        });
    }

    /**
     * An import's staging transactions, in two lanes (items, audit entries) of up to two transactions at once, as
     * staging.ts writes them, each committed (the commit is a third of a cold import's work).
     */
    private void stage() throws Exception {
        tx(true, t -> run(t, "stage.touch", Map.of("import", IMPORT, "now", 0L)));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            Future<?> items = pool.submit(() -> {
                atOnce(pool, "stage.stakeholder", 0, 2, BATCH, WarmUp::stakeholder);
                batch("stage.country", 14, WarmUp::country);
                batch("stage.network", 20, WarmUp::network);
                batch("stage.interview", 20, WarmUp::interview);
                batch("stage.dataset", BATCH, WarmUp::dataset);
                atOnce(pool, "stage.flow", 0, 2, BATCH, WarmUp::flow);
                atOnce(pool, "stage.flow", 2, 2, BATCH, WarmUp::flow);
                batch("stage.flow", 5, i -> flow(4 * BATCH + i));
                tx(true, t -> run(t, "stage.touch", Map.of("import", IMPORT, "now", 0L)));
                atOnce(pool, "stage.reportingLine", 0, 2, 2_000, WarmUp::reportingLine);
                batch("stage.membership", 600, WarmUp::membership);
                return null;
            });
            Future<?> audit = pool.submit(() -> {
                for (int round = 0; round < 3; round++) {
                    long[] reserved = new long[2];
                    int ord = round * 2 * BATCH;
                    tx(true, t -> {
                        long[] r = longs(run(t, "stage.reserve", Map.of("import", IMPORT, "count", (long) 2 * BATCH,
                                "ord", (long) ord, "now", 0L)).get(0));
                        reserved[0] = r[0];
                        reserved[1] = r[1];
                    });
                    List<Future<?>> parts = new ArrayList<>();
                    for (int part = 0; part < 2; part++) {
                        long first = reserved[0] + (long) part * BATCH;
                        parts.add(pool.submit(() -> tx(true, t -> run(t, "stage.audit", Map.of("entries",
                                list(BATCH, i -> stagedEntry(first + i)), "storeVersion", reserved[1])))));
                    }
                    for (Future<?> part : parts) part.get();
                }
                return null;
            });
            items.get();
            audit.get();
        } finally {
            pool.shutdownNow();
        }
    }

    /** The publishing transaction, rolled back. */
    private void publish() {
        tx(false, t -> {
            run(t, "meta.lock", Map.of());
            run(t, "meta.version", Map.of());
            for (String kind : List.of("country", "stakeholder", "network", "interview", "dataset")) {
                run(t, "publish." + kind, Map.of("import", IMPORT));
            }
            long[] ranges = longs(run(t, "stage.ranges", Map.of("import", IMPORT)).get(0));
            run(t, "audit.reserve", Map.of("count", 0L));
            run(t, "meta.version", Map.of());
            long first = ranges.length == 0 ? 0L : ranges[0];
            long last = ranges.length == 0 ? 0L : ranges[ranges.length - 3];
            run(t, "publish.audit", Map.of("first", first, "last", last));
            run(t, "publish.run", Map.of("import", IMPORT));
            run(t, "meta.bump", Map.of());
        });
    }

    /**
     * The EXPLAINs with which an import plans its staging and publishing queries at start-up (prepareStaging, PREPARED
     * in server/store/neo4j/staging.ts: the same texts and parameters, each in a write transaction of its own), made
     * here first so that the import's find their plans cached (EXPLAIN and the parameters' types and size buckets are
     * part of the key) instead of planning 19 queries while it reads its file and writes its catalogue.
     */
    private void explainStaging() {
        Map<String, Object> none = Map.of("import", "");
        Map<String, Map<String, Object>> prepared = new LinkedHashMap<>();
        prepared.put("stage.touch", Map.of("import", "", "now", 0L));
        prepared.put("stage.reserve", Map.of("import", "", "count", 1L, "ord", 0L, "now", 0L));
        prepared.put("stage.audit", Map.of("entries", List.of(Arrays.asList(0L, "", "", "", "", "", List.of(""), null,
                "")), "storeVersion", 0L));
        for (String kind : List.of("country", "stakeholder", "network", "interview", "dataset", "flow", "reportingLine",
                "membership")) {
            prepared.put("stage." + kind, Map.of("import", "", "rows", List.of(List.of("", ""))));
        }
        for (String kind : List.of("country", "stakeholder", "network", "interview", "dataset")) {
            prepared.put("publish." + kind, none);
        }
        prepared.put("stage.ranges", none);
        prepared.put("audit.reserve", Map.of("count", 0L));
        prepared.put("meta.version", Map.of());
        prepared.put("publish.audit", Map.of("first", 0L, "last", 0L));
        prepared.put("publish.run", none);
        prepared.put("meta.bump", Map.of());
        prepared.forEach((name, params) -> tx(false, t -> t.execute("EXPLAIN " + q.get(name), params).close()));
    }

    /** Every query of cypher/store and cypher/analysis planned under EXPLAIN, in a transaction rolled back. */
    private void explainAll() throws IOException {
        for (String sub : List.of("store", "analysis")) {
            Path folder = cypherDir.resolve(sub);
            if (!Files.isDirectory(folder)) continue;
            List<Path> files;
            try (Stream<Path> list = Files.list(folder)) {
                files = list.filter(p -> p.toString().endsWith(".cypher")).sorted().toList();
            }
            for (Path file : files) {
                try (Transaction t = db.beginTx()) {
                    t.execute("EXPLAIN " + Files.readString(file)).close();
                    t.rollback();
                } catch (RuntimeException e) {
                    // a query that cannot be planned without its parameters: planned when first run instead
                }
            }
        }
    }

    /** Removes what the warm-up staged (stage.discard, in transactions of its own) and its run node (stage.release). */
    private void discard() {
        db.executeTransactionally(q.get("stage.discard"), Map.of("import", IMPORT));
        tx(true, t -> run(t, "stage.release", Map.of("import", IMPORT)));
    }

    private interface Work {
        void in(Transaction tx) throws Exception;
    }

    /** One transaction: committed, or rolled back. */
    private void tx(boolean commit, Work work) {
        try (Transaction t = db.beginTx()) {
            work.in(t);
            if (commit) t.commit();
            else t.rollback();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a named query; its `value` (or `row`) column. */
    private List<Object> run(Transaction t, String name, Map<String, Object> params) {
        String text = q.get(name);
        if (text == null) throw new IllegalStateException("no query " + name);
        List<Object> values = new ArrayList<>();
        try (Result result = t.execute(text, params)) {
            String column = result.columns().contains("value") ? "value" : result.columns().contains("row") ? "row" : null;
            while (result.hasNext()) {
                Map<String, Object> row = result.next();
                if (column != null) values.add(row.get(column));
            }
        }
        return values;
    }

    /** A list of integers as Neo4j gives it (a long[] or a List of numbers). */
    private static long[] longs(Object value) {
        if (value instanceof long[] array) return array;
        if (value instanceof List<?> list) return list.stream().mapToLong(v -> ((Number) v).longValue()).toArray();
        return new long[0];
    }

    private void batch(String name, int size, IntFunction<List<Object>> row) {
        tx(true, t -> run(t, name, Map.of("import", IMPORT, "rows", list(size, row))));
    }

    /** {@code parts} batches of {@code size} rows (from part {@code from}), each by a transaction of its own at once. */
    private void atOnce(ExecutorService pool, String name, int from, int parts, int size,
            IntFunction<List<Object>> row) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        for (int part = from; part < from + parts; part++) {
            int offset = part * size;
            running.add(pool.submit(() -> batch(name, size, i -> row.apply(offset + i))));
        }
        for (Future<?> f : running) f.get();
    }

    private static <T> List<T> list(int size, IntFunction<T> item) {
        List<T> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) out.add(item.apply(i));
        return out;
    }

    private static String s(int i) {
        return ID + "s" + (i % (2 * BATCH));
    }

    private static List<Object> stakeholder(int i) {
        return Arrays.asList(s(i), "Stakeholder " + i, "C" + i % 13, "agency", "national", i % 100 == 0,
                "What stakeholder " + i + " does and with whom it shares data.", "x" + i + "@example.org", "+46 8 " + i,
                "https://example.org/" + i, List.of("t" + i % 7), "police", 1L, AT, "warm-up");
    }

    private static List<Object> country(int i) {
        return Arrays.asList(ID + "C" + i, "Country " + i, true, i % 2 == 0, null, 1L, AT, "warm-up");
    }

    private static List<Object> network(int i) {
        return Arrays.asList(ID + "n" + i, "Network " + i, "C" + i % 13, "forum", "monthly", 1L, AT, "warm-up");
    }

    private static List<Object> interview(int i) {
        return Arrays.asList(ID + "v" + i, "2026-01-01", s(i), "warm-up", null, "Notes " + i, 1L, AT, "warm-up");
    }

    private static List<Object> dataset(int i) {
        return Arrays.asList(ID + "d" + i, "Dataset " + i, s(i), List.of(ID + "i" + i % 30), "individual", "daily",
                null, "none", null, null, null, "Notes on dataset " + i, 1L, AT, "warm-up");
    }

    /** Flows whose ends stay in their part's half of the stakeholders (as staging.ts splits them: no shared end). */
    private static List<Object> flow(int i) {
        int half = (i / BATCH) % 2 * BATCH;
        return Arrays.asList(s(half + i % BATCH), s(half + (i * 7 + 1) % BATCH), ID + "f" + i, List.of("I1"), "law",
                "event", "daily", "individual", null, "api", (long) (i % 30), "active", i % 2 == 0, "interview " + i,
                "high", 2020L, "A note on flow " + i, 1L, AT, "warm-up");
    }

    private static List<Object> reportingLine(int i) {
        int half = (i / 2_000) % 2 * BATCH;
        return Arrays.asList(s(half + i % BATCH), s(half + (i * 3 + 1) % BATCH), ID + "r" + i, "reports", null, 1L,
                AT, "warm-up");
    }

    private static List<Object> membership(int i) {
        return Arrays.asList(s(i), ID + "n" + i % 20, "member", 1L, AT, "warm-up");
    }

    private static List<Object> stagedEntry(long seq) {
        return Arrays.asList(seq, AT, "warm-up", "create", "flow", ID + "f" + seq, List.of("C1"), null,
                "{\"id\":\"f" + seq + "\",\"from\":\"s1\",\"to\":\"s2\",\"indicators\":[\"I1\"],\"basis\":\"law\","
                        + "\"frequency\":\"daily\",\"note\":\"A note on flow " + seq + "\",\"version\":1}");
    }

    private static Map<String, Object> entry(long seq, String kind, String key) {
        Map<String, Object> e = new HashMap<>();
        e.put("seq", seq);
        e.put("at", AT);
        e.put("actor", "warm-up");
        e.put("action", "create");
        e.put("kind", kind);
        e.put("key", key);
        e.put("countries", List.of());
        e.put("after", "{}");
        return e;
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
