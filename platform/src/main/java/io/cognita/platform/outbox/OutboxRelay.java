package io.cognita.platform.outbox;

import io.cognita.platform.messaging.IncomingEvent;
import io.cognita.platform.tracing.Traces;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import io.cognita.platform.metrics.EventMeters;

/**
 * Publishes outbox rows to Kafka. Woken at once by the NOTIFY that {@link Outbox} sends on commit, and
 * polling as a fallback. Of all replicas, only the one holding the schema's relay lock (a PostgreSQL
 * advisory lock on its own connection) publishes, in {@code seq} order, so one aggregate's events reach
 * the broker in the order they were written; the others stand by and take over within a poll interval
 * when the leader's connection goes. A row is deleted only after the broker acknowledged it
 * (at-least-once: consumers deduplicate by event id).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final AgroalDataSource dataSource;
    private final EventMeters meters;
    private final Traces traces;
    private final Outbox.OutboxSettings settings;
    private final String bootstrapServers;
    private final Duration pollInterval;
    private final int batchSize;
    private final boolean enabled;
    private volatile boolean running;
    private volatile boolean leading;
    private Thread worker;
    private KafkaProducer<String, String> producer;
    private io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics producerMeters;

    public OutboxRelay(AgroalDataSource dataSource, EventMeters meters, Traces traces, Outbox.OutboxSettings settings,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "cognita.outbox.poll-interval") Duration pollInterval,
                       @ConfigProperty(name = "cognita.outbox.batch-size") int batchSize,
                       @ConfigProperty(name = "cognita.outbox.relay.enabled", defaultValue = "true") boolean enabled) {
        this.dataSource = dataSource;
        this.meters = meters;
        this.traces = traces;
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent ignored) {
        if (!enabled || "none".equals(settings.topic())) {
            return;
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-" + settings.channel());
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        producerMeters = meters.kafka(producer);
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        if (worker != null) {
            try {
                // the batch in hand is sent and deleted first (it would only come again from the next leader otherwise);
                // a relay stuck beyond that on an unreachable broker is interrupted, its batch rolled back
                worker.join(pollInterval.toMillis() + 5000);
                if (worker.isAlive()) {
                    worker.interrupt();
                    worker.join(5000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producerMeters != null) {
            producerMeters.close();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** True while this relay holds the lock and publishes. */
    public boolean leading() {
        return leading;
    }

    private void run() {
        Connection listener = null;
        while (running) {
            try {
                if (listener == null || listener.isClosed()) {
                    leading = false;
                    listener = listen();
                }
                if (!leading) {
                    leading = tryLead(listener);
                }
                while (leading && running && publishBatch(listener) == batchSize) {
                    // a full batch: there may be more waiting
                }
                listener.unwrap(PGConnection.class).getNotifications((int) pollInterval.toMillis());
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                LOG.warnf("outbox relay: %s; retrying", e.toString());
                close(listener);
                listener = null;
                leading = false;
                pause();
            }
        }
        close(listener);
    }

    private Connection listen() throws SQLException {
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + settings.channel());
        }
        return connection;
    }

    private boolean tryLead(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
            lock.setString(1, "outbox-relay:" + settings.channel());
            try (ResultSet result = lock.executeQuery()) {
                boolean won = result.next() && result.getBoolean(1);
                if (won) {
                    LOG.debugf("outbox relay of %s leads", settings.channel());
                }
                return won;
            }
        }
    }

    /** Publishes up to one batch on the lock holder's connection; returns how many rows it published. */
    int publishBatch(Connection connection) throws Exception {
        connection.setAutoCommit(false);
        try {
            List<UUID> ids = new ArrayList<>();
            List<Span> spans = new ArrayList<>();
            try {
                for (Future<RecordMetadata> ack : send(connection, ids, spans)) {
                    ack.get(30, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                spans.forEach(span -> span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName()));
                throw e;
            } finally {
                spans.forEach(Span::end);
            }
            if (!ids.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
                    delete.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                    delete.executeUpdate();
                }
            }
            connection.commit();
            meters.published(ids.size());
            return ids.size();
        } catch (Exception e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Sends the next batch of rows (locked until the commit), each send a span of the trace that wrote its event. */
    private List<Future<RecordMetadata>> send(Connection connection, List<UUID> ids, List<Span> spans) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, topic, msg_key, type, payload::text, "
                + "payload->>'traceparent' FROM outbox ORDER BY seq LIMIT ? FOR UPDATE")) {
            select.setInt(1, batchSize);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    ids.add(id);
                    String topic = rows.getString(2);
                    Span span = traces.start(topic + " publish", SpanKind.PRODUCER, rows.getString(6), Map.of(
                            "messaging.system", "kafka", "messaging.operation.type", "send",
                            "messaging.destination.name", topic, "messaging.message.id", id.toString(),
                            "cloudevents.event_type", rows.getString(4)));
                    spans.add(span);
                    ProducerRecord<String, String> record = new ProducerRecord<>(topic, rows.getString(3), rows.getString(5));
                    record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                    record.headers().add(IncomingEvent.TYPE_HEADER, rows.getString(4).getBytes(StandardCharsets.UTF_8));
                    String sent = Traces.traceparentOf(span);
                    if (sent != null) { // none when tracing is off (QUARKUS_OTEL_SDK_DISABLED)
                        record.headers().add(Traces.TRACEPARENT, sent.getBytes(StandardCharsets.UTF_8));
                    }
                    acks.add(producer.send(record));
                }
            }
        }
        return acks;
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Gives the connection back to the pool without what this relay left on its session: a pooled connection
     * is not closed, so the relay lock and the LISTEN would otherwise live on in a connection that request
     * threads reuse, and no replica could lead again. A connection that cannot run the cleanup is broken,
     * and its server session (with the lock) is gone with it.
     */
    private static void close(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_unlock_all()");
                statement.execute("UNLISTEN *");
            }
        } catch (SQLException broken) {
            // nothing left to release on a dead session
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already broken
        }
    }
}
