package io.cognita.platform.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cognita.platform.messaging.IncomingEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Feeds {@link RevokedSessionsView}: every replica reads all partitions of cognita.identity itself (no consumer
 * group: each needs every revocation), from {@code cognita.revoked-sessions.look-back} ago, after taking the
 * revocations still in force from the service's revoked_sessions table (older events, applied there by
 * {@link RevokedSessionsFeed}), and takes them from the table again every {@code cognita.revoked-sessions.reload-every}
 * (what the group consumer applied and this tail could not see: a partition added since, an offset reset). Each second
 * it asks the broker for the end of every partition; once it has read up to those ends the view is current as of the
 * moment it asked. A changed partition count (seen within about 10 s) starts the tail over. Its age is
 * {@code cognita_revoked_sessions_view_age_seconds}. On in a service with
 * {@code cognita.revoked-sessions.enabled=true} unless {@code cognita.revoked-sessions.in-memory=false}.
 */
@ApplicationScoped
public class RevokedSessionsTail {

    private static final Logger LOG = Logger.getLogger(RevokedSessionsTail.class);
    static final String TOPIC = "cognita.identity";
    private static final String TYPE = "session.revoked";
    private static final long CHECK_EVERY = Duration.ofSeconds(1).toNanos();
    private static final long WARN_EVERY = Duration.ofMinutes(1).toNanos();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final RevokedSessionsView view;
    private final RevokedSessions table;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    private final String bootstrap;
    private final boolean enabled;
    private final Duration lookBack;
    private final long reloadEvery;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running;

    public RevokedSessionsTail(RevokedSessionsView view, RevokedSessions table, ObjectMapper json, MeterRegistry registry,
                               @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                               @ConfigProperty(name = "cognita.revoked-sessions.enabled", defaultValue = "false") boolean enabled,
                               @ConfigProperty(name = "cognita.revoked-sessions.in-memory", defaultValue = "true") boolean inMemory,
                               @ConfigProperty(name = "cognita.revoked-sessions.look-back", defaultValue = "1D") Duration lookBack,
                               @ConfigProperty(name = "cognita.revoked-sessions.reload-every", defaultValue = "60s") Duration reloadEvery) {
        this.view = view;
        this.table = table;
        this.json = json;
        this.registry = registry;
        this.bootstrap = bootstrap;
        this.enabled = enabled && inMemory;
        this.lookBack = lookBack;
        this.reloadEvery = reloadEvery.toNanos();
    }

    void start(@Observes StartupEvent ignored) {
        if (!enabled) {
            return;
        }
        Gauge.builder("cognita.revoked.sessions.view.age.seconds", view, RevokedSessionsView::ageSeconds)
                .description("seconds since this replica's in-memory revoked-session view was last current").register(registry);
        running = true;
        Thread thread = new Thread(this::run, "revoked-sessions-tail");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    private void run() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // an offset gone from under it (retention, truncation): read what is there rather than jump to the end
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "revoked-sessions-tail");
        // the partition count is compared each second against this metadata: refreshed every 10 s, not every 5 min
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "10000");
        try {
            while (running) {
                try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
                    consumer = c;
                    tail(c);
                } catch (WakeupException e) {
                    return;
                } catch (Exception e) {
                    if (!running) {
                        return;
                    }
                    LOG.warnf("revoked sessions tail: %s; the database answers until it has caught up again", e.toString());
                    pause(1000);
                }
            }
        } catch (Error e) {
            LOG.errorf(e, "revoked sessions tail stopped; the database answers every check from now on");
            throw e;
        }
    }

    private void tail(KafkaConsumer<String, String> c) {
        List<TopicPartition> partitions = partitions(c);
        if (partitions.isEmpty()) {
            LOG.debugf("revoked sessions tail: %s does not exist yet", TOPIC);
            pause(5000);
            return;
        }
        c.assign(partitions);
        // the ends first: a partition without an event since the look-back starts at the end as it was before the
        // table is read below, so an event appended meanwhile is read
        Map<TopicPartition, Long> ends = c.endOffsets(partitions, TIMEOUT);
        long from = Instant.now().minus(lookBack).toEpochMilli();
        Map<TopicPartition, Long> when = new HashMap<>();
        partitions.forEach(p -> when.put(p, from));
        Map<TopicPartition, OffsetAndTimestamp> starts = c.offsetsForTimes(when, TIMEOUT);
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp start = starts.get(p);
            c.seek(p, start == null ? ends.get(p) : start.offset());
        }
        // read after the seek: a revocation applied to the table after this read is on the topic past the seek
        while (!loadTable()) {
            if (!running) {
                return;
            }
            pause(1000);
        }
        long reloadedAt = System.nanoTime();
        long checkedAt = 0;
        Map<TopicPartition, Long> target = null;
        long nextCheck = System.nanoTime();
        long warnedAt = nextCheck - WARN_EVERY;
        while (running) {
            for (ConsumerRecord<String, String> record : c.poll(Duration.ofMillis(250))) {
                apply(record);
            }
            long now = System.nanoTime();
            if (target == null && now - nextCheck >= 0) {
                nextCheck = now + CHECK_EVERY;
                if (partitions(c).size() != partitions.size()) {
                    LOG.infof("revoked sessions tail: %s has a new partition count; starting over", TOPIC);
                    return;
                }
                try {
                    target = c.endOffsets(partitions, Duration.ofSeconds(5));
                    checkedAt = now;
                } catch (TimeoutException e) {
                    if (now - warnedAt >= WARN_EVERY) {
                        warnedAt = now;
                        LOG.warnf("revoked sessions tail: cannot reach Kafka (%s); the database answers meanwhile", e.toString());
                    }
                }
            }
            if (target != null && readUpTo(c, target)) {
                view.caughtUp(checkedAt);
                target = null;
            }
            if (now - reloadedAt >= reloadEvery) {
                reloadedAt = now;
                reload();
            }
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> c) {
        return c.partitionsFor(TOPIC, TIMEOUT).stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
    }

    /** The table's revocations again, and the expired ones forgotten; a database fault waits for the next round. */
    private void reload() {
        loadTable();
        view.forgetExpired();
    }

    private boolean loadTable() {
        try {
            table.inForce().forEach(view::revoke);
            return true;
        } catch (Exception e) {
            LOG.warnf("revoked sessions tail: could not read the revoked_sessions table (%s)", e.toString());
            return false;
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static boolean readUpTo(KafkaConsumer<String, String> c, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (c.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    void apply(ConsumerRecord<String, String> record) {
        String type = IncomingEvent.typeHeader(record);
        if (type != null && !TYPE.equals(type) || record.value() == null) {
            return;
        }
        try {
            JsonNode event = json.readTree(record.value());
            if (!TYPE.equals(event.path("type").asText())) {
                return;
            }
            String sid = event.at("/data/sessionId").asText(null);
            String until = event.at("/data/accessValidUntil").asText(null);
            if (sid == null || sid.isBlank()) {
                LOG.warnf("session.revoked %s without sessionId: skipped", event.path("id").asText());
                return;
            }
            view.revoke(sid, until == null ? Instant.now().plus(RevokedSessionsFeed.FALLBACK) : Instant.parse(until));
        } catch (Exception e) {
            LOG.warnf("unreadable event on %s skipped: %s", TOPIC, e.toString());
        }
    }
}
