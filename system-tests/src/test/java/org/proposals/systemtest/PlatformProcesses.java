package org.proposals.systemtest;

import org.proposals.infra.DevIdentity;
import org.proposals.infra.LocalPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The four packaged services and the supervision adapter, each a separate JVM as in production, on free ports,
 * with fresh databases and their own topic prefix on the test broker so that nothing else on it can interfere.
 * By default on the shared test infrastructure ({@code test.db.url}, {@code test.kafka.servers}); a test that
 * stops its PostgreSQL or broker names its own with {@link #PlatformProcesses(String, String)}.
 */
final class PlatformProcesses implements AutoCloseable {

    static final List<String> SERVICES = List.of("proposal-service", "assignment-service", "reply-service", "evaluation-service",
            "supervision-adapter");
    /** The secret the adapter shares with the supervision system of these tests. */
    static final String SUPERVISION_SECRET = "system-test-secret-of-the-supervision-system";

    private final Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private final String dbBase;
    private final String kafka;
    private final String dbPassword = System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "");
    private final String topicPrefix = "system-test-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    private final DevIdentity identity = DevIdentity.generate();
    private final Map<String, ProcessBuilder> launchers = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, String> baseUrls = new LinkedHashMap<>();
    private Path logs = root.resolve("system-tests/target/service-logs");
    // where the adapter reports to: by default a port where nothing answers, so reports wait
    private String supervisionSystemUrl = "http://127.0.0.1:9/api";

    /** On the shared test infrastructure. */
    PlatformProcesses() {
        this(System.getProperty("test.db.url", "jdbc:postgresql://127.0.0.1:25432"),
                System.getProperty("test.kafka.servers", "127.0.0.1:29092"));
    }

    /**
     * @param dbBase                the PostgreSQL server, e.g. {@code jdbc:postgresql://127.0.0.1:25432}
     * @param kafkaBootstrapServers the broker, e.g. {@code 127.0.0.1:29092}
     */
    PlatformProcesses(String dbBase, String kafkaBootstrapServers) {
        this.dbBase = dbBase;
        this.kafka = kafkaBootstrapServers;
    }

    /** Where the services' logs go; default {@code system-tests/target/service-logs}. */
    PlatformProcesses withLogs(Path directory) {
        this.logs = directory;
        return this;
    }

    /** The supervision system's API the adapter reports to. */
    PlatformProcesses withSupervisionSystem(String url) {
        this.supervisionSystemUrl = url;
        return this;
    }

    PlatformProcesses start() throws Exception {
        Files.createDirectories(logs);
        Path publicKey = logs.resolve("identity-provider.pem");
        Files.writeString(publicKey, identity.publicKeyPem());
        for (String service : SERVICES) {
            String database = database(service);
            LocalPostgres.recreateDatabase(dbBase, LocalPostgres.SUPERUSER, dbPassword, database);
            Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: package the services first");
            }
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-Xmx160m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve(service + ".log").toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", dbBase + "/" + database);
            env.put("QUARKUS_DATASOURCE_USERNAME", LocalPostgres.SUPERUSER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", dbPassword);
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
            env.put("MESSAGING_KAFKA_TOPIC_PREFIX", topicPrefix);
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString());
            // the units the flow assigns to (miit, drc) and their people are the demo master data, as in ./platform run
            env.put("ASSIGNMENT_DEMO_DATA_ENABLED", "true");
            env.put("SUPERVISION_SYSTEM_URL", supervisionSystemUrl);
            env.put("SUPERVISION_SYSTEM_HMAC_SECRET", SUPERVISION_SECRET);
            // a supervision system that was down is tried again within seconds, not minutes
            env.put("SUPERVISION_DELIVERY_RETRY_INITIAL", "1s");
            env.put("SUPERVISION_DELIVERY_POLL_INTERVAL", "500ms");
            processes.put(service, builder.start());
            // a restart adds to the log of the run before
            launchers.put(service, builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(service + ".log").toFile())));
            baseUrls.put(service, "http://127.0.0.1:" + port);
        }
        for (String service : SERVICES) {
            awaitReady(service, Duration.ofSeconds(120));
        }
        return this;
    }

    String url(String service) {
        return baseUrls.get(service);
    }

    /** The JDBC URL of the service's database. */
    String jdbcUrl(String service) {
        return dbBase + "/" + database(service);
    }

    String databasePassword() {
        return dbPassword;
    }

    private static String database(String service) {
        return "system_test_" + service.substring(0, service.indexOf('-'));
    }

    /** Ends the service's JVM at once, with SIGKILL ({@code kill -9}): no shutdown hook, nothing flushed or closed. */
    void kill(String service) throws InterruptedException {
        Process process = processes.get(service);
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(service + " (pid " + process.pid() + ") still runs after SIGKILL");
        }
    }

    /** Starts the service again, on the same port with the same settings, and returns once it is ready. */
    void restart(String service, Duration timeout) throws IOException, InterruptedException {
        if (processes.get(service).isAlive()) {
            throw new IllegalStateException(service + " is still running");
        }
        processes.put(service, launchers.get(service).start());
        awaitReady(service, timeout);
    }

    String topicPrefix() {
        return topicPrefix;
    }

    /** A bearer token for one of the demo people, from the identity provider these services trust. */
    String tokenFor(String person) {
        return identity.tokenFor(person, java.time.Duration.ofMinutes(30));
    }

    void awaitReady(String service, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create(url(service) + "/q/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!processes.get(service).isAlive()) {
                throw new IllegalStateException(service + " exited; see " + logs.resolve(service + ".log"));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(service + " not ready within " + timeout);
    }

    @Override
    public void close() {
        List<Process> running = new ArrayList<>(processes.values());
        running.forEach(Process::destroy);
        for (Process process : running) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
