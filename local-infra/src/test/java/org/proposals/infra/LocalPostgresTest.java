package org.proposals.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalPostgresTest {

    @TempDir
    Path tempDir;

    @Test
    void createsUtf8DatabasesAndKeepsDataAcrossARestart() throws Exception {
        LocalPostgres postgres = LocalPostgres.builder()
                .dataDir(tempDir.resolve("pgdata"))
                .port(Processes.freePort())
                .addDatabases("extra")
                .build();
        try {
            postgres.start();
            assertTrue(postgres.isRunning());

            try (Connection connection = connect(postgres.jdbcUrl("proposal"));
                 Statement statement = connection.createStatement()) {
                List<String> ctypes = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT datname || '=' || datctype FROM pg_database"
                        + " WHERE datname IN ('proposal', 'assignment', 'reply', 'evaluation', 'extra')"
                        + " ORDER BY datname")) {
                    while (rs.next()) {
                        ctypes.add(rs.getString(1));
                    }
                }
                assertEquals(List.of("assignment=C.UTF-8", "evaluation=C.UTF-8", "extra=C.UTF-8",
                        "proposal=C.UTF-8", "reply=C.UTF-8"), ctypes);

                statement.execute("CREATE EXTENSION pg_trgm");
                try (ResultSet rs = statement.executeQuery("SELECT cardinality(show_trgm('数字化转型'))")) {
                    assertTrue(rs.next());
                    assertTrue(rs.getInt(1) > 0, "pg_trgm must see Chinese characters as word characters");
                }
                statement.execute("CREATE TABLE kept (title text)");
                statement.execute("INSERT INTO kept VALUES ('关于加快数字化转型的建议')");
            }

            postgres.stop();
            assertFalse(postgres.isRunning());
            assertFalse(Processes.isPortOpen(postgres.port()));

            postgres.start();
            try (Connection connection = connect(postgres.jdbcUrl("proposal"));
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT title, current_setting('max_connections') FROM kept")) {
                assertTrue(rs.next(), "the row written before the restart must still be there");
                assertEquals("关于加快数字化转型的建议", rs.getString(1));
                assertEquals("300", rs.getString(2));
            }

            LocalPostgres.recreateDatabase(postgres.jdbcBaseUrl(), "proposal");
            try (Connection connection = connect(postgres.jdbcUrl("proposal"));
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT to_regclass('kept') IS NULL")) {
                assertTrue(rs.next());
                assertTrue(rs.getBoolean(1), "recreateDatabase must leave an empty database");
            }
        } finally {
            postgres.stop();
        }
        assertFalse(postgres.isRunning());
    }

    private static Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", LocalPostgres.SUPERUSER);
        return DriverManager.getConnection(url, properties);
    }
}
