package org.pourparler.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh, empty databases for tests: an SQLite file in a temporary folder, or a new database on one
 * embedded PostgreSQL per JVM (its binaries come from Maven; it is slow to start, so it is shared and
 * each test takes a database of its own). Nothing is skipped: a PostgreSQL that cannot start fails.
 */
public final class TestDatabases {
    /** The vendors every database test runs against (the parameter of {@code @ParameterizedClass}). */
    public static final List<String> VENDORS = List.of("sqlite", "postgresql");

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {}

    /** A --db value naming a new empty database of the vendor. */
    public static String fresh(String vendor) {
        return switch (vendor) {
            case "sqlite" -> sqliteFile().toString();
            case "postgresql" -> postgresDatabase();
            default -> throw new IllegalArgumentException("no such vendor: " + vendor);
        };
    }

    private static Path sqliteFile() {
        try {
            return Files.createTempDirectory("pourparler-test").resolve("test.db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is ending; its temporary folder goes with it
                }
            }));
        }
        return postgres;
    }

    private static String postgresDatabase() {
        EmbeddedPostgres pg = postgres();
        String name = "pourparler_test_" + NEXT.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name + "?user=postgres";
    }
}
