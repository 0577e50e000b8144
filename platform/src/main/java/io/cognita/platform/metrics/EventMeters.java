package io.cognita.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
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

    /**
     * The Kafka client's own meters (kafka_consumer_* with records-lag-max, kafka_producer_*) for as long as it
     * lives: close what this returns with the client.
     */
    public KafkaClientMetrics kafka(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(consumer);
        metrics.bindTo(registry);
        return metrics;
    }

    public KafkaClientMetrics kafka(org.apache.kafka.clients.producer.Producer<?, ?> producer) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
        return metrics;
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
