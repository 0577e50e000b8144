package io.cognita.platform.messaging;

import java.util.Set;

/**
 * A consumer of events: a CDI bean implementing this is subscribed to its topic by {@link EventSubscriptions}.
 * {@link #handle} runs in a transaction together with the inbox record of the event, so a redelivery has
 * no second effect; an exception rolls both back and the event is retried, then sent to {@code <topic>.dlq}.
 */
public interface EventHandler {

    /** A stable name: the consumer group suffix and the inbox's consumer column. */
    String name();

    String topic();

    /** The event types this handler acts on; others are skipped (and not recorded). */
    Set<String> types();

    void handle(IncomingEvent event);

    /**
     * Whether several events may share one transaction (up to {@code cognita.events.max-together}). False for a
     * handler that calls other systems (object storage, say) or locks rows that requests also lock: in a shared
     * transaction those calls and locks would last as long as the whole batch.
     */
    default boolean handlesTogether() {
        return true;
    }
}
