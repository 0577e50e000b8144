package io.cognita.gateway.revocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cognita.gateway.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/**
 * Reads identity's session.revoked events. Every replica reads all partitions itself (no consumer
 * group: each needs every revocation), from the start of the retained log, so a restarted replica
 * knows the revocations still in force.
 */
@ApplicationScoped
public class SessionRevocationListener {

    private static final Logger LOG = Logger.getLogger(SessionRevocationListener.class);
    static final String TYPE = "session.revoked";

    private final RevokedSessions revoked;
    private final ObjectMapper json;
    private final String bootstrap;
    private final String topic;
    private final boolean enabled;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running;

    public SessionRevocationListener(RevokedSessions revoked, ObjectMapper json,
                                     @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                                     GatewayConfig config) {
        this.revoked = revoked;
        this.json = json;
        this.bootstrap = bootstrap;
        this.topic = config.revocation().topic();
        this.enabled = config.revocation().enabled();
    }

    void start(@Observes StartupEvent ignored) {
        if (!enabled) {
            return;
        }
        running = true;
        Thread thread = new Thread(this::run, "session-revocations");
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
        while (running) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-revocations");
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
                consumer = c;
                List<TopicPartition> partitions = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                c.assign(partitions);
                c.seekToBeginning(partitions);
                while (running) {
                    for (ConsumerRecord<String, String> record : c.poll(Duration.ofMillis(250))) {
                        apply(record.value());
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warnf("revocation listener: %s; reconnecting", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    void apply(String value) {
        try {
            JsonNode event = json.readTree(value);
            if (!TYPE.equals(event.path("type").asText())) {
                return;
            }
            String sid = event.at("/data/sessionId").asText(null);
            String until = event.at("/data/accessValidUntil").asText(null);
            if (sid == null || until == null) {
                LOG.warnf("session.revoked %s without sessionId or accessValidUntil: skipped", event.path("id").asText());
                return;
            }
            revoked.revoke(sid, Instant.parse(until));
        } catch (Exception e) {
            LOG.warnf("unreadable event on %s skipped: %s", topic, e.toString());
        }
    }
}
