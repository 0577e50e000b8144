package io.cognita.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The event path's counters, the same in every service: events published from the outbox, events a consumer
 * applied, events it dead-lettered ({@code cognita_events_*_total} in /q/metrics; the chart's alerts use them).
 */
@ApplicationScoped
public class EventMeters {

    private final MeterRegistry registry;
    private final Counter published;

    public EventMeters(MeterRegistry registry) {
        this.registry = registry;
        this.published = Counter.builder("cognita.events.published").description("events sent from the outbox to Kafka")
                .register(registry);
    }

    public void published(int count) {
        published.increment(count);
    }

    public void consumed(String consumer) {
        Counter.builder("cognita.events.consumed").description("events a consumer applied (or had applied already)")
                .tag("consumer", consumer).register(registry).increment();
    }

    public void deadLettered(String consumer) {
        Counter.builder("cognita.events.dead.lettered").description("events a consumer gave up on, sent to <topic>.dlq")
                .tag("consumer", consumer).register(registry).increment();
    }
}
