package org.proposals.kit.messaging;

import org.proposals.events.EventCatalog;
import org.proposals.events.EventEnvelope;
import org.proposals.events.IntegrationEvent;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/** What one consumer does with each event type it cares about; other types on its topics are skipped. */
public final class EventHandlers {

    private final Map<String, BiConsumer<IntegrationEvent, EventEnvelope>> byType;

    private EventHandlers(Map<String, BiConsumer<IntegrationEvent, EventEnvelope>> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static Builder builder() {
        return new Builder();
    }

    Optional<BiConsumer<IntegrationEvent, EventEnvelope>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public static final class Builder {
        private final Map<String, BiConsumer<IntegrationEvent, EventEnvelope>> byType = new HashMap<>();

        public <E extends IntegrationEvent> Builder on(Class<E> type, BiConsumer<E, EventEnvelope> handler) {
            byType.put(EventCatalog.contractOf(type).name(), (event, envelope) -> handler.accept(type.cast(event), envelope));
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(byType);
        }
    }
}
