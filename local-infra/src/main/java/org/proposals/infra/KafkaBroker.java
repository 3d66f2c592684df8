package org.proposals.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Apache Kafka broker (KRaft, one node that is both broker and controller) running as a child JVM
 * from the jars in {@code local-infra/target/kafka-libs}.
 *
 * <p>Everything lives in the data directory: {@code server.properties}, {@code log4j2.properties},
 * the partitions under {@code kraft-logs/}, the broker's output in {@code broker.log} (unless another log
 * file is given) and its pid in {@code broker.pid}. The storage is formatted once; a later {@link #start()} on the same directory keeps
 * the cluster id, the topics and their records.
 */
public final class KafkaBroker implements AutoCloseable {

    /** System property naming the directory of broker jars. */
    public static final String LIBS_DIR_PROPERTY = "kafka.libs.dir";
    /** Environment variable naming the directory of broker jars, read when the property is not set. */
    public static final String LIBS_DIR_ENV = "KAFKA_LIBS_DIR";
    /** Where the build puts the broker jars, relative to the repository root. */
    public static final String DEFAULT_LIBS_DIR = "local-infra/target/kafka-libs";
    /** Printed by {@link #main} once the broker serves requests. */
    public static final String READY_MESSAGE = "Kafka broker ready at";

    private static final String STARTED_LOG_LINE = "Kafka Server started";
    private static final String BROKER_MAIN_CLASS = "kafka.Kafka";

    private final Path libsDir;
    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private final List<String> jvmOptions;
    private final Duration startTimeout;

    private Process process;
    private FileChannel lockChannel;
    private FileLock lock;
    private String clusterId;
    private volatile boolean stopping;
    private volatile Integer exitCode;

    /** A broker with the default JVM options ({@code -Xmx256m -XX:+UseSerialGC}). */
    public KafkaBroker(Path libsDir, Path dataDir, int port, int controllerPort) {
        this(builder().libsDir(libsDir).dataDir(dataDir).port(port).controllerPort(controllerPort));
    }

    private KafkaBroker(Builder builder) {
        this.libsDir = Objects.requireNonNull(builder.libsDir, "libsDir").toAbsolutePath();
        this.dataDir = Objects.requireNonNull(builder.dataDir, "dataDir").toAbsolutePath();
        this.port = builder.port;
        this.controllerPort = builder.controllerPort > 0 ? builder.controllerPort : builder.port + 1;
        this.logFile = builder.logFile != null ? builder.logFile.toAbsolutePath() : dataDir.resolve("broker.log");
        this.jvmOptions = List.copyOf(builder.jvmOptions);
        this.startTimeout = builder.startTimeout;
        if (port == controllerPort) {
            throw new IllegalArgumentException("the broker and controller ports must differ");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The directory of broker jars: system property {@value #LIBS_DIR_PROPERTY}, else environment variable
     * {@value #LIBS_DIR_ENV}, else {@value #DEFAULT_LIBS_DIR} in the working directory or one of its parents.
     */
    public static Path locateLibsDir() {
        String configured = System.getProperty(LIBS_DIR_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(LIBS_DIR_ENV);
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DEFAULT_LIBS_DIR);
            if (containsBrokerJar(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Kafka broker jars not found: set -D" + LIBS_DIR_PROPERTY + " or "
                + LIBS_DIR_ENV + ", or build them with ./mvnw -pl local-infra -am package -DskipTests");
    }

    private static boolean containsBrokerJar(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("kafka_2.13-"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Formats the storage if needed, launches the broker and returns once it serves requests.
     *
     * @throws IllegalStateException if it does not start; the message holds the end of its log
     */
    public synchronized KafkaBroker start() {
        if (isRunning()) {
            return this;
        }
        if (!containsBrokerJar(libsDir)) {
            throw new IllegalStateException("no Kafka broker jars in " + libsDir
                    + " (build them with ./mvnw -pl local-infra -am package -DskipTests)");
        }
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.getParent());
            lockDataDir();
            stopOrphanedBroker();
            Processes.requireFreePort(port, "Kafka broker");
            Processes.requireFreePort(controllerPort, "Kafka controller");
            writeConfiguration();
            clusterId = formatStorageIfNeeded();

            long logOffset = Processes.size(logFile());
            List<String> command = javaCommand(jvmOptions);
            command.add(BROKER_MAIN_CLASS);
            command.add(serverProperties().toString());
            stopping = false;
            process = new ProcessBuilder(command)
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
            Files.writeString(pidFile(), process.pid() + System.lineSeparator());
            awaitReady(logOffset);
            return this;
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("cannot start the Kafka broker in " + dataDir, e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private void awaitReady(long logOffset) {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with code " + process.exitValue()
                        + "; end of " + logFile() + ":\n" + Processes.tail(logFile(), 40));
            }
            if (Processes.contains(logFile(), logOffset, STARTED_LOG_LINE) && Processes.isPortOpen(port)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the Kafka broker did not start within " + startTimeout
                        + "; end of " + logFile() + ":\n" + Processes.tail(logFile(), 40));
            }
            Processes.sleep(100);
        }
    }

    /**
     * Stops the broker: SIGTERM for a controlled shutdown, then a forced stop if it still runs after
     * 60 seconds. Does nothing if it is not running.
     */
    public synchronized void stop() {
        stopping = true;
        try {
            if (process != null) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    System.err.println("The Kafka broker did not stop within 60 s after SIGTERM; killing it");
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                exitCode = process.isAlive() ? null : process.exitValue();
                process = null;
                Files.deleteIfExists(pidFile());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (IOException e) {
            // the pid file is only a hint for cleaning up after a crash
        } finally {
            releaseDataDir();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** {@code 127.0.0.1:<port>}, the value for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return Processes.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path libsDir() {
        return libsDir;
    }

    /** The broker's own output. */
    public Path logFile() {
        return logFile;
    }

    /** The cluster id written when the storage was formatted; null before the first start. */
    public synchronized String clusterId() {
        return clusterId != null ? clusterId : readClusterId();
    }

    /** The exit code of the broker after {@link #stop()}; null while it runs or before it ran. */
    public Integer exitCode() {
        return exitCode;
    }

    /** The broker's process id while it runs, else -1. */
    public synchronized long pid() {
        return isRunning() ? process.pid() : -1;
    }

    private Path serverProperties() {
        return dataDir.resolve("server.properties");
    }

    private Path log4jProperties() {
        return dataDir.resolve("log4j2.properties");
    }

    private Path logDirs() {
        return dataDir.resolve("kraft-logs");
    }

    private Path metaProperties() {
        return logDirs().resolve("meta.properties");
    }

    private Path pidFile() {
        return dataDir.resolve("broker.pid");
    }

    /* One launcher per data directory: the lock is held while the broker runs. */
    private void lockDataDir() throws IOException {
        lockChannel = FileChannel.open(dataDir.resolve("launcher.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            lockChannel = null;
            throw new IllegalStateException("a Kafka broker for " + dataDir + " is already running");
        }
    }

    private void releaseDataDir() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // released with the channel or the process anyway
        }
        lock = null;
        lockChannel = null;
    }

    /* A broker whose launcher died (kill -9, a crashed test JVM) still holds the ports and the log dirs. */
    private void stopOrphanedBroker() {
        Processes.readPid(pidFile())
                .stream()
                .mapToObj(pid -> Processes.liveProcess(pid, BROKER_MAIN_CLASS))
                .flatMap(java.util.Optional::stream)
                .filter(p -> p.info().commandLine().map(c -> c.contains(dataDir.toString())).orElse(true))
                .forEach(orphan -> {
                    System.err.println("Stopping Kafka broker pid " + orphan.pid()
                            + " left running by an earlier launcher for " + dataDir);
                    orphan.destroy();
                    if (!Processes.awaitExit(orphan, Duration.ofSeconds(60))) {
                        orphan.destroyForcibly();
                        Processes.awaitExit(orphan, Duration.ofSeconds(10));
                    }
                });
    }

    private void writeConfiguration() throws IOException {
        String listeners = "PLAINTEXT://" + bootstrapServers()
                + ",CONTROLLER://" + Processes.LOOPBACK + ":" + controllerPort;
        String server = String.join(System.lineSeparator(),
                "# Written by org.proposals.infra.KafkaBroker on every start.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + Processes.LOOPBACK + ":" + controllerPort,
                "listeners=" + listeners,
                "advertised.listeners=PLAINTEXT://" + bootstrapServers(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDirs(),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
        Files.writeString(serverProperties(), server, StandardCharsets.UTF_8);

        String log4j = String.join(System.lineSeparator(),
                "# Written by org.proposals.infra.KafkaBroker: INFO to standard output, which goes to broker.log.",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = STDOUT",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.out.ref = STDOUT",
                "logger.request.name = kafka.request.logger",
                "logger.request.level = WARN",
                "");
        Files.writeString(log4jProperties(), log4j, StandardCharsets.UTF_8);
    }

    /* Formats kraft-logs once; its meta.properties then holds the cluster id for every later start. */
    private String formatStorageIfNeeded() throws IOException {
        String existing = readClusterId();
        if (existing != null) {
            return existing;
        }
        String id = newClusterId();
        List<String> command = javaCommand(List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of("kafka.tools.StorageTool", "format", "--ignore-formatted",
                "-t", id, "-c", serverProperties().toString()));
        Process format = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .start();
        try {
            if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("formatting the Kafka storage in " + logDirs() + " failed; end of "
                        + logFile() + ":\n" + Processes.tail(logFile(), 30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            format.destroyForcibly();
            throw new IllegalStateException("interrupted while formatting the Kafka storage", e);
        }
        String formatted = readClusterId();
        return formatted != null ? formatted : id;
    }

    private String readClusterId() {
        if (!Files.isRegularFile(metaProperties())) {
            return null;
        }
        Properties meta = new Properties();
        try (var in = Files.newInputStream(metaProperties())) {
            meta.load(in);
        } catch (IOException e) {
            return null;
        }
        return meta.getProperty("cluster.id");
    }

    /* The form of org.apache.kafka.common.Uuid: 16 random bytes, URL-safe base64 without padding. */
    private static String newClusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    private List<String> javaCommand(List<String> options) {
        List<String> command = new ArrayList<>();
        command.add(Processes.javaExecutable().toString());
        command.addAll(options);
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + log4jProperties());
        // Kafka logs its own shutdown from a shutdown hook; log4j's hook would close the log before that.
        command.add("-Dlog4j2.shutdownHookEnabled=false");
        command.add("-cp");
        command.add(libsDir.resolve("*").toString());
        return command;
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers() + ", " + dataDir + "]";
    }

    /** Settings for a {@link KafkaBroker}; only the data directory is required. */
    public static final class Builder {
        private Path libsDir;
        private Path dataDir;
        private int port = 9092;
        private int controllerPort;
        private Path logFile;
        private List<String> jvmOptions = List.of("-Xmx256m", "-XX:+UseSerialGC");
        private Duration startTimeout = Duration.ofSeconds(90);

        private Builder() {
        }

        /** The broker jars; default {@link KafkaBroker#locateLibsDir()}. */
        public Builder libsDir(Path libsDir) {
            this.libsDir = libsDir;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** The PLAINTEXT port clients connect to; default 9092. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The KRaft controller port; default the PLAINTEXT port + 1. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /** Where the broker's output goes; default {@code broker.log} in the data directory. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** Options of the broker JVM; default {@code -Xmx256m -XX:+UseSerialGC}. */
        public Builder jvmOptions(List<String> jvmOptions) {
            this.jvmOptions = List.copyOf(jvmOptions);
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = Objects.requireNonNull(startTimeout);
            return this;
        }

        public KafkaBroker build() {
            if (libsDir == null) {
                libsDir = locateLibsDir();
            }
            return new KafkaBroker(this);
        }

        /** Builds and starts the broker. */
        public KafkaBroker start() {
            return build().start();
        }
    }

    private static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -cp ... org.proposals.infra.KafkaBroker --data-dir DIR [--port 9092]",
            "           [--controller-port PORT+1] [--libs-dir DIR] [--log-file FILE] [--heap 256m]",
            "           [--topics TOPIC,TOPIC... [--partitions 3]]",
            "Starts a Kafka broker, prints '" + READY_MESSAGE + " ...' once it serves requests and runs until",
            "SIGTERM or Ctrl-C, then shuts the broker down cleanly. --topics are created before it says ready.");

    /**
     * Creates the topics that do not exist yet, with {@code partitions} partitions each, through a short-lived
     * JVM on the broker's classpath (this class's own classpath has no Kafka client).
     */
    public void createTopics(List<String> topics, int partitions) {
        if (topics.isEmpty()) {
            return;
        }
        try {
            Path self = Path.of(KafkaBroker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> command = new java.util.ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-XX:+UseSerialGC",
                    "-cp", self + java.io.File.pathSeparator + libsDir.resolve("*"),
                    TopicCreator.class.getName(), bootstrapServers(), Integer.toString(partitions)));
            command.addAll(topics);
            Process creator = new ProcessBuilder(command).redirectErrorStream(true).inheritIO().start();
            if (!creator.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || creator.exitValue() != 0) {
                creator.destroyForcibly();
                throw new IllegalStateException("could not create the topics " + topics);
            }
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("could not create the topics " + topics, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /** Runs a broker in the foreground until this JVM is told to stop. */
    public static void main(String[] argv) {
        Args args = Args.parse(argv, USAGE);
        int port = args.getInt("port", 9092);
        Builder builder = builder()
                .dataDir(Path.of(args.required("data-dir", USAGE)))
                .port(port)
                .controllerPort(args.getInt("controller-port", port + 1))
                .jvmOptions(List.of("-Xmx" + args.get("heap", "256m"), "-XX:+UseSerialGC"));
        String libs = args.get("libs-dir", null);
        if (libs != null) {
            builder.libsDir(Path.of(libs));
        }
        String log = args.get("log-file", null);
        if (log != null) {
            builder.logFile(Path.of(log));
        }
        KafkaBroker broker = builder.build();
        java.util.concurrent.atomic.AtomicBoolean ready = new java.util.concurrent.atomic.AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.stop();
            if (ready.get()) {
                System.out.println("Kafka broker at " + broker.bootstrapServers() + " stopped (exit code "
                        + broker.exitCode() + ")");
            }
        }, "kafka-broker-stop"));

        long started = System.nanoTime();
        try {
            broker.start();
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        String topics = args.get("topics", "");
        if (!topics.isBlank()) {
            try {
                broker.createTopics(List.of(topics.split(",")), args.getInt("partitions", 3));
            } catch (RuntimeException e) {
                System.err.println(e.getMessage());
                System.exit(1);
            }
        }
        ready.set(true);
        System.out.printf("%s %s (cluster id %s, started in %.1f s, data %s, log %s)%n", READY_MESSAGE,
                broker.bootstrapServers(), broker.clusterId(), (System.nanoTime() - started) / 1e9,
                broker.dataDir(), broker.logFile());
        System.out.flush();

        Process process;
        synchronized (broker) {
            process = broker.process;
        }
        try {
            int code = process.waitFor();
            if (!broker.stopping) {
                System.err.println("The Kafka broker exited unexpectedly with code " + code + "; end of "
                        + broker.logFile() + ":\n" + Processes.tail(broker.logFile(), 40));
                System.exit(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
