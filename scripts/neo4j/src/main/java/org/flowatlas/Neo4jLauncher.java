// Flow Atlas: runs an embedded Neo4j 5.26 Community (Bolt on 127.0.0.1:<port>, auth off) in the foreground for development and tests.
package org.flowatlas;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Usage: {@code Neo4jLauncher --port N --data DIR [--exit-on-stdin-eof] [--warm-up CYPHER_DIR]}.
 *
 * <p>Prints exactly one line {@code NEO4J_READY bolt://127.0.0.1:N} on stdout once the default
 * database is available and Bolt accepts connections, then blocks. SIGTERM/SIGINT (or end of stdin
 * with {@code --exit-on-stdin-eof}, so an orphaned launcher dies with its parent) shut the database
 * down cleanly. With {@code --warm-up}, the database is warmed before that line (WarmUp: the app's schema
 * from CYPHER_DIR applied, an import's queries run on the real database and what they staged removed);
 * the time it took is printed on stderr as {@code NEO4J_WARM_UP <ms> ms}.
 * Any start-up problem is printed on stderr as {@code NEO4J_ERROR: ...}, exit code 1 (2 for bad
 * arguments).
 */
public final class Neo4jLauncher {
    private static final String HOST = "127.0.0.1";
    private static final long STARTUP_TIMEOUT_MS = 120_000;

    public static void main(String[] args) {
        int port = -1;
        Path data = null;
        boolean exitOnStdinEof = false;
        Path warmUp = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(value(args, ++i));
                    case "--data" -> data = Path.of(value(args, ++i)).toAbsolutePath().normalize();
                    case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
                    case "--warm-up" -> warmUp = Path.of(value(args, ++i)).toAbsolutePath().normalize();
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (port < 1 || port > 65535 || data == null) {
                throw new IllegalArgumentException("--port (1-65535) and --data are required");
            }
        } catch (RuntimeException e) {
            String problem = e instanceof NumberFormatException ? "--port needs a number" : e.getMessage();
            System.err.println("NEO4J_ERROR: " + problem
                    + "\nusage: Neo4jLauncher --port N --data DIR [--exit-on-stdin-eof] [--warm-up CYPHER_DIR]");
            System.exit(2);
        }

        checkPortFree(port);
        checkDataDir(data);
        if (warmUp != null) {
            // The throw-away database of an earlier warm-up (before 2026-12-07) that was killed, if any.
            try {
                WarmUp.delete(data.resolve("warm-up"));
            } catch (IOException e) {
                System.err.println("NEO4J_WARM_UP could not delete " + data.resolve("warm-up") + " (" + e + ")");
            }
        }

        DatabaseManagementService dbms = null;
        try {
            dbms = new DatabaseManagementServiceBuilder(data)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(512))
                    .setConfig(GraphDatabaseSettings.tx_state_memory_allocation,
                            GraphDatabaseSettings.TransactionStateMemoryAllocation.ON_HEAP)
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    // Internal settings: Bolt otherwise waits 2 x 5 s on shutdown even with no clients.
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .build();
            // Register the hook first: a signal during the readiness checks still shuts down cleanly.
            DatabaseManagementService service = dbms;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(service), "neo4j-shutdown"));

            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(STARTUP_TIMEOUT_MS)) {
                throw new IllegalStateException("database '" + GraphDatabaseSettings.DEFAULT_DATABASE_NAME
                        + "' not available after " + STARTUP_TIMEOUT_MS / 1000 + " s");
            }
            db.executeTransactionally("RETURN 1");
            if (warmUp != null) {
                warmUp(db, warmUp);
            }
            waitForBolt(port);
        } catch (Throwable e) {
            System.err.println("NEO4J_ERROR: could not start Neo4j on " + HOST + ":" + port
                    + " with data in " + data + ": " + rootMessage(e));
            // halt, not exit: the shutdown hook (if registered) would run shutdown() a second time.
            if (dbms != null) {
                shutdown(dbms);
            }
            Runtime.getRuntime().halt(1);
        }

        System.out.println("NEO4J_READY bolt://" + HOST + ":" + port);
        System.out.flush();

        if (exitOnStdinEof) {
            Thread watcher = new Thread(Neo4jLauncher::exitOnStdinEof, "stdin-eof-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }
        try {
            new CountDownLatch(1).await(); // foreground until a signal ends the JVM
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Warms the database (WarmUp); a failure is reported on stderr and Neo4j is ready all the same (what the warm-up
     * staged is removed by the next warm-up, or by the app's start-up clean-up of stale imports).
     */
    private static void warmUp(GraphDatabaseService db, Path cypherDir) {
        long started = System.nanoTime();
        try {
            WarmUp.run(db, cypherDir);
            System.err.println("NEO4J_WARM_UP " + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (Throwable e) {
            System.err.println("NEO4J_WARM_UP failed (" + rootMessage(e) + "), ready without it");
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void checkPortFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(HOST, port));
        } catch (IOException e) {
            fail("port " + HOST + ":" + port + " is not available (" + e.getMessage() + ")");
        }
    }

    private static void checkDataDir(Path data) {
        try {
            Files.createDirectories(data);
        } catch (IOException | RuntimeException e) {
            fail("cannot create data folder " + data + " (" + e + ")");
        }
        if (!Files.isDirectory(data) || !Files.isWritable(data)) {
            fail("data folder " + data + " is not a writable directory");
        }
    }

    /** The Bolt server starts with the DBMS; make sure it really accepts TCP connections. */
    private static void waitForBolt(int port) throws InterruptedException {
        long deadline = System.currentTimeMillis() + STARTUP_TIMEOUT_MS;
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 1000);
                return;
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("Bolt not accepting connections on port " + port);
                }
                Thread.sleep(100);
            }
        }
    }

    private static void exitOnStdinEof() {
        try {
            InputStream in = System.in;
            byte[] buffer = new byte[256];
            while (in.read(buffer) >= 0) {
                // ignore input; only the end of the stream matters
            }
        } catch (IOException ignored) {
            // a broken stdin means the parent is gone as well
        }
        System.exit(0); // runs the shutdown hook
    }

    private static void shutdown(DatabaseManagementService dbms) {
        try {
            dbms.shutdown();
        } catch (Throwable e) {
            System.err.println("NEO4J_ERROR: shutdown failed: " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root == e ? String.valueOf(e.getMessage())
                : e.getMessage() + " (caused by " + root + ")";
        return message;
    }

    private static void fail(String message) {
        System.err.println("NEO4J_ERROR: " + message);
        System.exit(1);
    }
}
