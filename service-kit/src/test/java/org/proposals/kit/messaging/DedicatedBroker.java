package org.proposals.kit.messaging;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.proposals.infra.KafkaBroker;
import org.proposals.infra.LocalPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.Map;

/**
 * A Kafka broker of this test's own, so that the test can stop and restart it, and a fresh database.
 */
public class DedicatedBroker implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;

    public static KafkaBroker broker() {
        return broker;
    }

    @Override
    public Map<String, String> start() {
        try {
            String dbBase = System.getProperty("test.db.url", "jdbc:postgresql://127.0.0.1:25432");
            LocalPostgres.recreateDatabase(dbBase, LocalPostgres.SUPERUSER,
                    System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", ""), "service_kit");
            broker = KafkaBroker.builder()
                    .dataDir(Files.createTempDirectory("kit-broker"))
                    .port(freePort())
                    .controllerPort(freePort())
                    .build()
                    .start();
            return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test's broker", e);
        }
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
