package io.cognita.platform.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cognita.platform.inbox.Inbox;
import io.cognita.platform.request.RequestId;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs every {@link EventHandler} bean: one consumer per handler in the group
 * {@code <application>.<handler>}, offsets committed after the effect. A poison event (unreadable, or
 * failing {@code cognita.events.max-attempts} times) goes to {@code <topic>.dlq}, is counted and never
 * blocks the partition.
 */
@ApplicationScoped
public class EventSubscriptions {

    private static final Logger LOG = Logger.getLogger(EventSubscriptions.class);

    private final Instance<EventHandler> handlers;
    private final Inbox inbox;
    private final ObjectMapper json;
    private final String bootstrap;
    private final String application;
    private final int maxAttempts;
    private final List<KafkaConsumer<String, String>> consumers = new ArrayList<>();
    private final AtomicLong deadLettered = new AtomicLong();
    private KafkaProducer<String, String> dlq;
    private volatile boolean running;

    public EventSubscriptions(Instance<EventHandler> handlers, Inbox inbox, ObjectMapper json,
                              @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                              @ConfigProperty(name = "quarkus.application.name") String application,
                              @ConfigProperty(name = "cognita.events.max-attempts", defaultValue = "3") int maxAttempts) {
        this.handlers = handlers;
        this.inbox = inbox;
        this.json = json;
        this.bootstrap = bootstrap;
        this.application = application;
        this.maxAttempts = maxAttempts;
    }

    void start(@Observes StartupEvent ignored) {
        if (!handlers.iterator().hasNext()) {
            return;
        }
        Properties producer = new Properties();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        dlq = new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer());
        running = true;
        for (EventHandler handler : handlers) {
            Thread thread = new Thread(() -> consume(handler), "events-" + handler.name());
            thread.setDaemon(true);
            thread.start();
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        synchronized (consumers) {
            consumers.forEach(KafkaConsumer::wakeup);
        }
        if (dlq != null) {
            dlq.close(Duration.ofSeconds(3));
        }
    }

    /** How many events went to a dead-letter topic since start. */
    public long deadLettered() {
        return deadLettered.get();
    }

    private void consume(EventHandler handler) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, application + "." + handler.name());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        while (running) {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
                synchronized (consumers) {
                    consumers.add(consumer);
                }
                consumer.subscribe(List.of(handler.topic()));
                while (running) {
                    var records = consumer.poll(Duration.ofMillis(250));
                    for (ConsumerRecord<String, String> record : records) {
                        process(handler, record);
                    }
                    if (!records.isEmpty()) {
                        consumer.commitSync();
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warnf("consumer %s: %s; reconnecting", handler.name(), e.toString());
                sleep(1000);
            }
        }
    }

    private void process(EventHandler handler, ConsumerRecord<String, String> record) {
        IncomingEvent event;
        try {
            JsonNode envelope = json.readTree(record.value());
            event = IncomingEvent.of(envelope);
            if (event.id() == null || event.type() == null) {
                throw new IllegalArgumentException("no id or type");
            }
        } catch (Exception e) {
            deadLetter(handler, record, "unreadable: " + e.getMessage());
            return;
        }
        if (!handler.types().contains(event.type())) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                if (event.requestId() != null) {
                    RequestId.set(event.requestId());
                }
                QuarkusTransaction.requiringNew().run(() -> {
                    if (inbox.firstDelivery(handler.name(), event.id())) {
                        handler.handle(event);
                    }
                });
                return;
            } catch (Exception e) {
                if (!running) {
                    return; // shutting down: the uncommitted offset brings the event back next time
                }
                if (attempt >= maxAttempts) {
                    deadLetter(handler, record, e.toString());
                    return;
                }
                sleep(200L * attempt);
            } finally {
                RequestId.clear();
            }
        }
    }

    private void deadLetter(EventHandler handler, ConsumerRecord<String, String> record, String reason) {
        deadLettered.incrementAndGet();
        LOG.errorf("event at %s-%d@%d sent to %s.dlq by %s: %s", record.topic(), record.partition(), record.offset(),
                record.topic(), handler.name(), reason);
        ProducerRecord<String, String> out = new ProducerRecord<>(record.topic() + ".dlq", record.key(), record.value());
        out.headers().add("cognita-dlq-reason", reason.getBytes(StandardCharsets.UTF_8));
        out.headers().add("cognita-dlq-consumer", handler.name().getBytes(StandardCharsets.UTF_8));
        try {
            dlq.send(out).get();
        } catch (Exception e) {
            LOG.errorf("could not write to %s.dlq: %s", record.topic(), e.toString());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
