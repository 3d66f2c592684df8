package org.proposals.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names an integration event's contract: its type, schema version, aggregate and topic. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    String name();

    int version();

    String aggregateType();

    /** The producing service's topic, see {@link Topics}. */
    String topic();
}
