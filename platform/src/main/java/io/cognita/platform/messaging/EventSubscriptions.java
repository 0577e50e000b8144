package io.cognita.platform.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cognita.platform.faults.TransientFaults;
import io.cognita.platform.inbox.Inbox;
import io.cognita.platform.metrics.EventMeters;
import io.cognita.platform.request.RequestId;
import io.cognita.platform.tracing.Traces;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs every {@link EventHandler} bean: one consumer per handler in the group
 * {@code <application>.<handler>}, offsets committed only after the effect.
 * <ul>
 * <li>A transient fault (database or broker unreachable, a lock or serialization conflict) is retried with
 * backoff for as long as it lasts; the partitions are paused meanwhile and nothing is committed, so no
 * event is skipped. A consumer stalled longer than {@code cognita.events.stall-bound} makes readiness DOWN.</li>
 * <li>What cannot succeed (an unreadable event, a handler failing {@code cognita.events.max-attempts} times
 * with a non-transient error) goes to {@code <topic>.dlq}; if that write fails, the offset is not committed
 * and the event comes again.</li>
 * <li>A consumer thread that dies makes liveness DOWN.</li>
 * </ul>
 */
@ApplicationScoped
public class EventSubscriptions {

    private static final Logger LOG = Logger.getLogger(EventSubscriptions.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(5);

    private final Instance<EventHandler> handlers;
    private final Inbox inbox;
    private final EventMeters meters;
    private final Traces traces;
    private final ObjectMapper json;
    private final String bootstrap;
    private final String application;
    private final int maxAttempts;
    private final Duration maxBackoff;
    private final Duration lockTimeout;
    private final Duration maxStall;
    private final Duration commitInterval;
    private final int maxTogether;
    private final List<KafkaConsumer<String, String>> consumers = new ArrayList<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicLong deadLettered = new AtomicLong();
    private KafkaProducer<String, String> dlq;
    private volatile boolean running;

    public EventSubscriptions(Instance<EventHandler> handlers, Inbox inbox, EventMeters meters, Traces traces, ObjectMapper json,
                              @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                              @ConfigProperty(name = "quarkus.application.name") String application,
                              @ConfigProperty(name = "cognita.events.max-attempts", defaultValue = "3") int maxAttempts,
                              @ConfigProperty(name = "cognita.events.max-backoff", defaultValue = "10s") Duration maxBackoff,
                              @ConfigProperty(name = "cognita.events.lock-timeout", defaultValue = "5s") Duration lockTimeout,
                              @ConfigProperty(name = "cognita.events.max-stall", defaultValue = "30m") Duration maxStall,
                              @ConfigProperty(name = "cognita.events.commit-interval", defaultValue = "1s") Duration commitInterval,
                              @ConfigProperty(name = "cognita.events.max-together", defaultValue = "20") int maxTogether) {
        this.maxStall = maxStall;
        this.commitInterval = commitInterval;
        this.maxTogether = maxTogether;
        this.handlers = handlers;
        this.inbox = inbox;
        this.meters = meters;
        this.traces = traces;
        this.json = json;
        this.bootstrap = bootstrap;
        this.application = application;
        this.maxAttempts = maxAttempts;
        this.maxBackoff = maxBackoff;
        this.lockTimeout = lockTimeout;
    }

    /** One handler's consumer as health checks see it. */
    public static final class Subscription {
        private final String handler;
        private volatile Thread thread;
        private volatile Instant stalledSince;
        private volatile String lastFault;
        private volatile Instant warnedTogetherAt;

        Subscription(String handler) {
            this.handler = handler;
        }

        public String handler() { return handler; }
        public boolean alive() { return thread != null && thread.isAlive(); }
        /** When the event it is working on first failed transiently; null when it is not stalled. */
        public Instant stalledSince() { return stalledSince; }
        public String lastFault() { return lastFault; }
    }

    void start(@Observes StartupEvent ignored) {
        if (!handlers.iterator().hasNext()) {
            return;
        }
        Properties producer = new Properties();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        dlq = new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer());
        running = true;
        for (EventHandler handler : handlers) {
            Subscription subscription = new Subscription(handler.name());
            Thread thread = new Thread(() -> consume(handler, subscription), "events-" + handler.name());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.errorf(e, "consumer thread %s died", t.getName()));
            subscription.thread = thread;
            subscriptions.add(subscription);
            thread.start();
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        synchronized (consumers) {
            consumers.forEach(KafkaConsumer::wakeup);
        }
        // all were woken at once; they commit and leave their groups in parallel, within one deadline
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Subscription subscription : subscriptions) {
            try {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left > 0) {
                    subscription.thread.join(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (dlq != null) {
            dlq.close(Duration.ofSeconds(3));
        }
    }

    /** How many events went to a dead-letter topic since start. */
    public long deadLettered() {
        return deadLettered.get();
    }

    public List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    /** The batch cannot go on here (a rebalance, or records arrived while paused): go back to the committed offsets. */
    private static final class StartOver extends RuntimeException {
        StartOver() {
            super(null, null, false, false);
        }
    }

    private void consume(EventHandler handler, Subscription subscription) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, application + "." + handler.name());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // a poll's events share one transaction: this many at most, so its locks are held briefly
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(maxTogether));
        while (running) {
            boolean[] rebalanced = {false};
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
            synchronized (consumers) {
                consumers.add(consumer);
            }
            try (consumer; var metered = meters.kafka(consumer)) {
                // handled and not committed yet: committed every commit interval, before a rewind, when partitions
                // go to another consumer and when this one stops (a crash in between only redelivers them, and the
                // inbox keeps their effect single)
                Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
                consumer.subscribe(List.of(handler.topic()), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        rebalanced[0] = true;
                        Map<TopicPartition, OffsetAndMetadata> leaving = new HashMap<>(handled);
                        leaving.keySet().retainAll(partitions);
                        commit(consumer, leaving);
                        handled.keySet().removeAll(partitions);
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        rebalanced[0] = true;
                    }
                });
                long committedAt = System.nanoTime();
                try {
                    while (running) {
                        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(250));
                        try {
                            rebalanced[0] = false;
                            if (!records.isEmpty() && !handleTogether(handler, subscription, records, handled)) {
                                for (ConsumerRecord<String, String> record : records) {
                                    process(handler, subscription, consumer, rebalanced, record);
                                    handled.put(new TopicPartition(record.topic(), record.partition()),
                                            new OffsetAndMetadata(record.offset() + 1));
                                }
                            }
                        } catch (StartOver e) {
                            // stay in the group (leaving it would make every other replica rebalance too): go back
                            // to the committed offsets of what is assigned now and poll again
                            commit(consumer, handled);
                            rewind(consumer);
                            LOG.debugf("consumer %s goes back to its committed offsets", handler.name());
                        }
                        if (System.nanoTime() - committedAt >= commitInterval.toNanos()) {
                            commit(consumer, handled);
                            committedAt = System.nanoTime();
                        }
                    }
                } finally {
                    commitOnLeaving(consumer, handled);
                }
            } catch (WakeupException e) {
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warnf("consumer %s: %s; reconnecting", handler.name(), e.toString());
                sleep(1000);
            } finally {
                synchronized (consumers) {
                    consumers.remove(consumer);
                }
            }
        }
    }

    /** Every assigned partition back to its committed offset (the start when none), so nothing polled is skipped. */
    private static void rewind(KafkaConsumer<String, String> consumer) {
        var assigned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
        for (TopicPartition partition : assigned) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset);
            }
        }
    }

    /** Commits what was handled on partitions still assigned, and forgets it once committed. */
    private static void commit(KafkaConsumer<String, String> consumer, Map<TopicPartition, OffsetAndMetadata> handled) {
        if (handled.isEmpty()) {
            return;
        }
        try {
            handled.keySet().retainAll(consumer.assignment());
            if (!handled.isEmpty()) {
                consumer.commitSync(handled, COMMIT_TIMEOUT);
            }
            handled.clear();
        } catch (WakeupException e) {
            throw e;
        } catch (Exception e) {
            // kept for the next commit; should none come, the events come again and the inbox keeps their effect single
            LOG.warnf("commit failed: %s", e.toString());
        }
    }

    /** The last commit of a consumer that stops or starts over, whatever made it stop. */
    private static void commitOnLeaving(KafkaConsumer<String, String> consumer, Map<TopicPartition, OffsetAndMetadata> handled) {
        try {
            commit(consumer, handled);
        } catch (WakeupException e) {
            // woken before it could commit: once more, now that the wake-up is spent
            commit(consumer, handled);
        }
    }

    /**
     * Handles every event of one poll that this handler wants in a single transaction: one commit instead of one
     * per event, which is what lets a consumer that fell behind catch up. False, with nothing written, when they
     * cannot go together (an unreadable event, or the transaction failed): they are then handled one by one, with
     * the retries and the dead-lettering of each.
     */
    private boolean handleTogether(EventHandler handler, Subscription subscription, ConsumerRecords<String, String> records,
                                   Map<TopicPartition, OffsetAndMetadata> handled) {
        if (subscription.stalledSince != null || !handler.handlesTogether()) {
            return false;
        }
        List<ConsumerRecord<String, String>> wanted = new ArrayList<>();
        List<IncomingEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (unwanted(handler, record)) {
                continue;
            }
            IncomingEvent event = read(record);
            if (event == null) {
                return false;
            }
            if (handler.types().contains(event.type())) {
                wanted.add(record);
                events.add(event);
            }
        }
        if (events.size() == 1) {
            return false; // alone, it takes the path with retries directly
        }
        List<Span> spans = new ArrayList<>();
        boolean[] first = new boolean[events.size()];
        try {
            if (!events.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> {
                    inbox.limitLockWait(lockTimeout);
                    for (int i = 0; i < events.size(); i++) {
                        IncomingEvent event = events.get(i);
                        try (Traces.Traced traced = traces.open(handler.name() + " process", SpanKind.CONSUMER,
                                event.traceparent(), spanAttributes(handler, wanted.get(i), event))) {
                            spans.add(traced.keepOpen());
                            if (event.requestId() != null) {
                                RequestId.set(event.requestId());
                            }
                            first[i] = inbox.firstDelivery(handler.name(), event.id());
                            if (first[i]) {
                                handler.handle(event);
                            }
                        } finally {
                            RequestId.clear();
                        }
                    }
                });
            }
        } catch (Exception e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            spans.forEach(span -> span.setStatus(StatusCode.ERROR, "rolled back with its poll; handled alone next"));
            if (subscription.warnedTogetherAt == null || subscription.warnedTogetherAt.isBefore(Instant.now().minusSeconds(60))) {
                subscription.warnedTogetherAt = Instant.now(); // at most once a minute per consumer
                LOG.warnf("consumer %s: %d events in one transaction failed (%s); handling them one by one",
                        handler.name(), events.size(), e.toString());
            }
            return false;
        } finally {
            spans.forEach(Span::end);
        }
        for (int i = 0; i < events.size(); i++) {
            ConsumerRecord<String, String> record = wanted.get(i);
            LOG.debugf("consumer %s %s %s %s-%d@%d", handler.name(), first[i] ? "handled" : "had already handled",
                    events.get(i).type(), record.topic(), record.partition(), record.offset());
            meters.consumed(handler.name());
        }
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, String>> polled = records.records(partition);
            handled.put(partition, new OffsetAndMetadata(polled.get(polled.size() - 1).offset() + 1));
        }
        return true;
    }

    /**
     * Whether the record's ce_type header names a type the handler does not take: skipped without parsing (most of
     * what a consumer group reads is for other handlers). A record without the header, or with an empty one, is parsed
     * and judged by its body; the relay writes the header and the body's type from one value, so they agree.
     */
    private static boolean unwanted(EventHandler handler, ConsumerRecord<String, String> record) {
        String type = IncomingEvent.typeHeader(record);
        return type != null && !handler.types().contains(type);
    }

    /** The event in a record, or null when it is not one. */
    private IncomingEvent read(ConsumerRecord<String, String> record) {
        try {
            IncomingEvent event = IncomingEvent.of(json.readTree(record.value()));
            return event.id() == null || event.type() == null ? null : event;
        } catch (Exception e) {
            return null;
        }
    }

    private Map<String, String> spanAttributes(EventHandler handler, ConsumerRecord<String, String> record, IncomingEvent event) {
        return Map.of("messaging.system", "kafka", "messaging.operation.type", "process",
                "messaging.destination.name", record.topic(), "messaging.consumer.group.name", application + "." + handler.name(),
                "messaging.message.id", event.id(), "cloudevents.event_type", event.type());
    }

    private void process(EventHandler handler, Subscription subscription, KafkaConsumer<String, String> consumer,
                         boolean[] rebalanced, ConsumerRecord<String, String> record) {
        if (unwanted(handler, record)) {
            return;
        }
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
        // the handling as a span of the trace that wrote the event (its traceparent), retries and all
        try (Traces.Traced traced = traces.open(handler.name() + " process", SpanKind.CONSUMER, event.traceparent(),
                spanAttributes(handler, record, event))) {
            handle(handler, subscription, consumer, rebalanced, record, event, traced);
        }
    }

    private void handle(EventHandler handler, Subscription subscription, KafkaConsumer<String, String> consumer,
                        boolean[] rebalanced, ConsumerRecord<String, String> record, IncomingEvent event, Traces.Traced traced) {
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            try {
                if (event.requestId() != null) {
                    RequestId.set(event.requestId());
                }
                boolean[] first = {false};
                QuarkusTransaction.requiringNew().run(() -> {
                    inbox.limitLockWait(lockTimeout);
                    first[0] = inbox.firstDelivery(handler.name(), event.id());
                    if (first[0]) {
                        handler.handle(event);
                    }
                });
                LOG.debugf("consumer %s %s %s %s-%d@%d", handler.name(), first[0] ? "handled" : "had already handled",
                        event.type(), record.topic(), record.partition(), record.offset());
                meters.consumed(handler.name());
                if (subscription.stalledSince != null) {
                    LOG.infof("consumer %s recovered after %s", handler.name(),
                            Duration.between(subscription.stalledSince, Instant.now()));
                    subscription.stalledSince = null;
                }
                return;
            } catch (Exception e) {
                if (e.getCause() instanceof Error error) {
                    throw error; // not the event's fault: the thread dies and liveness reports it
                }
                if (!running) {
                    throw new WakeupException(); // shutting down: the uncommitted offset brings the event back
                }
                if (TransientFaults.isTransient(e) && !stalledTooLong(subscription)) {
                    if (subscription.stalledSince == null) {
                        subscription.stalledSince = Instant.now();
                        LOG.warnf("consumer %s: transient fault on %s-%d@%d, retrying until it passes: %s", handler.name(),
                                record.topic(), record.partition(), record.offset(), e.toString());
                    }
                    subscription.lastFault = e.toString();
                    waitPaused(consumer, rebalanced, backoff);
                    backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
                    attempt = 0;
                    continue;
                }
                if (attempt >= maxAttempts) {
                    traced.failed(e);
                    deadLetter(handler, record, e.toString());
                    subscription.stalledSince = null;
                    return;
                }
                waitPaused(consumer, rebalanced, FIRST_BACKOFF.multipliedBy(attempt));
            } finally {
                RequestId.clear();
            }
        }
    }

    /**
     * A "transient" fault that lasts beyond {@code cognita.events.max-stall} is treated as the event's own
     * (a handler timing out on it every time, say): it is dead-lettered so the partition moves on.
     */
    private boolean stalledTooLong(Subscription subscription) {
        return subscription.stalledSince != null
                && Duration.between(subscription.stalledSince, Instant.now()).compareTo(maxStall) > 0;
    }

    /** Waits with every partition paused, still polling so the group keeps this consumer. */
    private void waitPaused(KafkaConsumer<String, String> consumer, boolean[] rebalanced, Duration wait) {
        var assigned = consumer.assignment();
        consumer.pause(assigned);
        try {
            ConsumerRecords<String, String> none = consumer.poll(wait);
            if (rebalanced[0] || !none.isEmpty() || !running) {
                throw running ? new StartOver() : new WakeupException();
            }
        } finally {
            consumer.resume(consumer.assignment());
        }
    }

    /** Writes the event to {@code <topic>.dlq}; throws when the broker did not take it, so the offset stays. */
    private void deadLetter(EventHandler handler, ConsumerRecord<String, String> record, String reason) {
        LOG.errorf("event at %s-%d@%d sent to %s.dlq by %s: %s", record.topic(), record.partition(), record.offset(),
                record.topic(), handler.name(), reason);
        ProducerRecord<String, String> out = new ProducerRecord<>(record.topic() + ".dlq", record.key(), record.value());
        out.headers().add("cognita-dlq-reason", reason.getBytes(StandardCharsets.UTF_8));
        out.headers().add("cognita-dlq-consumer", handler.name().getBytes(StandardCharsets.UTF_8));
        try {
            dlq.send(out).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            for (Subscription s : subscriptions) {
                if (s.handler().equals(handler.name()) && s.stalledSince == null) {
                    s.stalledSince = Instant.now();
                    s.lastFault = "dead-letter write failed: " + e;
                }
            }
            throw new IllegalStateException("could not write to " + record.topic() + ".dlq: " + e, e);
        }
        deadLettered.incrementAndGet();
        meters.deadLettered(handler.name());
        for (Subscription s : subscriptions) {
            if (s.handler().equals(handler.name())) {
                s.stalledSince = null;
            }
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
