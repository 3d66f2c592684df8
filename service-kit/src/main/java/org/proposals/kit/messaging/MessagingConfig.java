package org.proposals.kit.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Settings of the outbox relay and the inbox; every one can be set by environment variable (MESSAGING_OUTBOX_...). */
@ConfigMapping(prefix = "messaging")
public interface MessagingConfig {

    Kafka kafka();

    Outbox outbox();

    Inbox inbox();

    interface Kafka {
        /** Put before every topic name, so that environments can share one cluster. */
        Optional<String> topicPrefix();
    }

    interface Outbox {
        /** Whether this instance runs a relay at all (only one relay publishes at a time in any case). */
        @WithDefault("true")
        boolean relayEnabled();

        /** How often the relay looks for events committed by other instances; commits here wake it at once. */
        @WithDefault("500ms")
        Duration pollInterval();

        @WithDefault("200")
        int batchSize();

        /** Back-off after a failed publication doubles from the first value up to the second. */
        @WithDefault("500ms")
        Duration retryBackoffMin();

        @WithDefault("30s")
        Duration retryBackoffMax();

        /** How long the broker may take to acknowledge a batch before it counts as failed. */
        @WithDefault("10s")
        Duration sendTimeout();

        /** Published events are kept this long for inspection, then deleted. */
        @WithDefault("P7D")
        Duration retention();
    }

    interface Inbox {
        /** Attempts to apply an event before it goes to the dead-letter topic; transient database failures do not count. */
        @WithDefault("3")
        int maxAttempts();

        @WithDefault("200ms")
        Duration retryBackoff();

        /** The longest pause between attempts while the database is away (the pause doubles up to it). */
        @WithDefault("5s")
        Duration transientBackoffMax();

        /** Events applied in one transaction at most; a larger poll is applied in parts of this size, in order. */
        @WithDefault("100")
        int batchSize();
    }
}
