package org.proposals.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaBrokerTest {

    @TempDir
    Path tempDir;

    @Test
    void servesClientsAndKeepsClusterIdAndRecordsAcrossARestart() throws Exception {
        KafkaBroker broker = KafkaBroker.builder()
                .dataDir(tempDir.resolve("kafka"))
                .port(Processes.freePort())
                .controllerPort(Processes.freePort())
                .build();
        try {
            broker.start();
            assertTrue(broker.isRunning());
            String clusterId = broker.clusterId();
            assertNotNull(clusterId);

            // topics made before any client needs them, and made again harmlessly
            broker.createTopics(List.of("proposal.events", "reply.events"), 2);
            broker.createTopics(List.of("proposal.events"), 2);
            try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                    Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                var described = admin.describeTopics(List.of("proposal.events", "reply.events")).allTopicNames().get();
                assertEquals(2, described.get("proposal.events").partitions().size());
                assertEquals(2, described.get("reply.events").partitions().size());
            }

            RecordMetadata written;
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000),
                    new StringSerializer(), new StringSerializer())) {
                written = producer.send(new ProducerRecord<>("local-infra-check", "key", "数字化转型"))
                        .get(20, TimeUnit.SECONDS);
            }

            broker.stop();
            assertFalse(broker.isRunning());
            assertFalse(Processes.isPortOpen(broker.port()));

            broker.start();
            assertEquals(clusterId, broker.clusterId(), "the restart must reuse the formatted storage");
            assertTrue(Files.readString(broker.logFile()).contains("Kafka Server started"));

            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer())) {
                TopicPartition partition = new TopicPartition(written.topic(), written.partition());
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                ConsumerRecord<String, String> read = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (read == null && System.nanoTime() < deadline) {
                    var records = consumer.poll(Duration.ofMillis(500));
                    read = records.isEmpty() ? null : records.iterator().next();
                }
                assertNotNull(read, "the record written before the restart must still be there");
                assertEquals("数字化转型", read.value());
                assertEquals(written.offset(), read.offset());
            }
        } finally {
            broker.stop();
        }
        assertFalse(broker.isRunning());
    }

    @Test
    void refusesAPortThatIsTaken() throws Exception {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            KafkaBroker broker = new KafkaBroker(KafkaBroker.locateLibsDir(), tempDir.resolve("busy"),
                    taken.getLocalPort(), Processes.freePort());
            IllegalStateException e = assertThrows(IllegalStateException.class, broker::start);
            assertTrue(e.getMessage().contains(String.valueOf(taken.getLocalPort())), e.getMessage());
            assertFalse(broker.isRunning());
        }
    }
}
