package org.proposals.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates topics that do not exist yet. Run with the broker's own jars on the classpath (they hold the
 * Kafka client), by {@link KafkaBroker#createTopics}, so that the services' consumers find their topics
 * from the start instead of waiting for the first event to create them.
 *
 * <pre>java -cp 'local-infra.jar:kafka-libs/*' org.proposals.infra.TopicCreator BOOTSTRAP PARTITIONS TOPIC...</pre>
 */
public final class TopicCreator {

    private TopicCreator() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 3) {
            System.err.println("usage: TopicCreator BOOTSTRAP PARTITIONS TOPIC...");
            System.exit(2);
        }
        int partitions = Integer.parseInt(args[1]);
        List<String> topics = Arrays.asList(args).subList(2, args.length);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            var result = admin.createTopics(topics.stream().map(t -> new NewTopic(t, partitions, (short) 1)).toList());
            for (String topic : topics) {
                try {
                    result.values().get(topic).get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        System.err.println("could not create " + topic + ": " + e.getCause());
                        System.exit(1);
                    }
                } catch (java.util.concurrent.TimeoutException e) {
                    System.err.println("could not create " + topic + " within 30 s");
                    System.exit(1);
                }
            }
        }
    }
}
