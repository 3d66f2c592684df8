package org.proposals.kit.migration;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.proposals.infra.LocalPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several replicas of a service start at once and each migrates its database at start-up, as the services
 * do (quarkus.flyway.migrate-at-start). Flyway takes a PostgreSQL advisory lock around the migration, so
 * every replica starts, and each migration is applied exactly once, by whichever got the lock first.
 */
class ConcurrentMigrationTest {

    private static final String BASE = System.getProperty("test.db.url", "jdbc:postgresql://127.0.0.1:25432");
    private static final String PASSWORD = System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "");
    private static final String DATABASE = "service_kit_migration";

    @Test
    void replicasMigratingAFreshDatabaseAtTheSameTimeAllStartAndEachMigrationIsAppliedOnce() throws Exception {
        LocalPostgres.recreateDatabase(BASE, LocalPostgres.SUPERUSER, PASSWORD, DATABASE);
        String url = BASE + "/" + DATABASE;
        int replicas = 4;
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        List<Integer> applied = new ArrayList<>();
        try {
            CyclicBarrier together = new CyclicBarrier(replicas);
            List<Future<Integer>> migrations = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                migrations.add(pool.submit(() -> {
                    // the services' own settings: the kit's migrations, the service's, out of order allowed
                    Flyway flyway = Flyway.configure()
                            .dataSource(url, LocalPostgres.SUPERUSER, PASSWORD)
                            .locations("classpath:db/migration", "classpath:db/service-kit")
                            .outOfOrder(true)
                            .load();
                    together.await();
                    return flyway.migrate().migrationsExecuted;
                }));
            }
            for (Future<Integer> migration : migrations) {
                applied.add(migration.get(120, TimeUnit.SECONDS)); // throws if a replica's migration failed
            }
        } finally {
            pool.shutdownNow();
        }

        int expected = Flyway.configure().dataSource(url, LocalPostgres.SUPERUSER, PASSWORD)
                .locations("classpath:db/migration", "classpath:db/service-kit").load().info().applied().length;
        assertTrue(expected >= 4, "the kit's three migrations and the probe's: " + expected);
        assertEquals(expected, applied.stream().mapToInt(Integer::intValue).sum(),
                "all migrations were executed once in all, by whichever replica held the lock: " + applied);
        try (Connection connection = DriverManager.getConnection(url, LocalPostgres.SUPERUSER, PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT count(*), count(DISTINCT version), bool_and(success)
                       FROM flyway_schema_history WHERE version IS NOT NULL""")) {
            rows.next();
            assertEquals(expected, rows.getInt(1), "one history row per migration");
            assertEquals(expected, rows.getInt(2));
            assertTrue(rows.getBoolean(3));
        }
    }
}
