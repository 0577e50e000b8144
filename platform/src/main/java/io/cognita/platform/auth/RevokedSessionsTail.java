package io.cognita.platform.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
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
 * {@link RevokedSessionsFeed}). Each second it asks the broker for the end of every partition; once it has read up
 * to those ends the view is current as of the moment it asked. On in a service with
 * {@code cognita.revoked-sessions.enabled=true} unless {@code cognita.revoked-sessions.in-memory=false}.
 */
@ApplicationScoped
public class RevokedSessionsTail {

    private static final Logger LOG = Logger.getLogger(RevokedSessionsTail.class);
    static final String TOPIC = "cognita.identity";
    private static final String TYPE = "session.revoked";
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    private static final Duration FORGET_EVERY = Duration.ofMinutes(1);

    private final RevokedSessionsView view;
    private final RevokedSessions table;
    private final ObjectMapper json;
    private final String bootstrap;
    private final boolean enabled;
    private final Duration lookBack;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running;

    public RevokedSessionsTail(RevokedSessionsView view, RevokedSessions table, ObjectMapper json,
                               @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                               @ConfigProperty(name = "cognita.revoked-sessions.enabled", defaultValue = "false") boolean enabled,
                               @ConfigProperty(name = "cognita.revoked-sessions.in-memory", defaultValue = "true") boolean inMemory,
                               @ConfigProperty(name = "cognita.revoked-sessions.look-back", defaultValue = "1D") Duration lookBack) {
        this.view = view;
        this.table = table;
        this.json = json;
        this.bootstrap = bootstrap;
        this.enabled = enabled && inMemory;
        this.lookBack = lookBack;
    }

    void start(@Observes StartupEvent ignored) {
        if (!enabled) {
            return;
        }
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
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "revoked-sessions-tail");
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
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void tail(KafkaConsumer<String, String> c) {
        List<TopicPartition> partitions = c.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
        c.assign(partitions);
        long from = Instant.now().minus(lookBack).toEpochMilli();
        Map<TopicPartition, Long> when = new HashMap<>();
        partitions.forEach(p -> when.put(p, from));
        Map<TopicPartition, OffsetAndTimestamp> starts = c.offsetsForTimes(when, Duration.ofSeconds(30));
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp start = starts.get(p);
            if (start == null) {
                c.seekToEnd(List.of(p));
            } else {
                c.seek(p, start.offset());
            }
        }
        // read after the seek: a revocation applied to the table after this read is on the topic past the seek
        table.inForce().forEach(view::revoke);
        Instant checkedAt = null;
        Map<TopicPartition, Long> ends = null;
        Instant nextCheck = Instant.EPOCH;
        Instant nextForget = Instant.now().plus(FORGET_EVERY);
        while (running) {
            for (ConsumerRecord<String, String> record : c.poll(Duration.ofMillis(250))) {
                apply(record);
            }
            Instant now = Instant.now();
            if (ends == null && !now.isBefore(nextCheck)) {
                try {
                    ends = c.endOffsets(partitions, Duration.ofSeconds(5));
                    checkedAt = now;
                } catch (TimeoutException e) {
                    LOG.debugf("revoked sessions tail: end offsets unknown (%s)", e.toString());
                }
                nextCheck = now.plus(CHECK_EVERY);
            }
            if (ends != null && readUpTo(c, ends)) {
                view.caughtUp(checkedAt);
                ends = null;
            }
            if (now.isAfter(nextForget)) {
                view.forgetExpired();
                nextForget = now.plus(FORGET_EVERY);
            }
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
        Header type = record.headers().lastHeader("ce_type");
        if (type != null && !TYPE.equals(new String(type.value(), StandardCharsets.UTF_8)) || record.value() == null) {
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
