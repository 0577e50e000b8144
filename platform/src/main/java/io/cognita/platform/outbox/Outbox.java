package io.cognita.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cognita.platform.request.RequestId;
import io.cognita.platform.tracing.Traces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The transactional outbox: an event is written in the same transaction as the change it reports, and
 * {@link OutboxRelay} publishes it to Kafka after the commit. A rolled-back change leaves no event.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final ObjectMapper json;
    private final OutboxSettings settings;

    public Outbox(EntityManager em, ObjectMapper json, OutboxSettings settings) {
        this.em = em;
        this.json = json;
        this.settings = settings;
    }

    /**
     * Records {@code type} (past tense, e.g. {@code org.updated}) about {@code subject}, keyed by the org so
     * that one org's events keep their order. Must run inside the transaction of the change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent<Object> record(String type, String orgId, String subject, Object data) {
        CloudEvent<Object> event = new CloudEvent<>(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(),
                settings.source(), type, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), subject,
                "application/json", orgId, RequestId.current(), Traces.currentTraceparent(), data);
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not serialisable: " + type, e);
        }
        em.createNativeQuery("INSERT INTO outbox (id, topic, msg_key, type, payload) "
                        + "VALUES (:id, :topic, :key, :type, CAST(:payload AS jsonb))")
                .setParameter("id", UUID.fromString(event.id()))
                .setParameter("topic", settings.topic())
                .setParameter("key", orgId == null ? subject : orgId)
                .setParameter("type", type)
                .setParameter("payload", payload)
                .executeUpdate();
        // delivered to the relay's LISTEN only when (and if) this transaction commits
        em.createNativeQuery("SELECT pg_notify(:channel, '')").setParameter("channel", settings.channel())
                .getSingleResult();
        return event;
    }

    /** The outbox's configuration: where its events go and how the relay is woken. */
    @ApplicationScoped
    public static class OutboxSettings {
        private final String source;
        private final String topic;
        private final String schema;

        public OutboxSettings(@ConfigProperty(name = "cognita.events.source") String source,
                              @ConfigProperty(name = "cognita.events.topic", defaultValue = "none") String topic,
                              @ConfigProperty(name = "cognita.db.schema") String schema) {
            this.source = source;
            this.topic = topic;
            this.schema = schema;
        }

        public String source() { return source; }
        public String topic() { return topic; }
        public String channel() { return "outbox_" + schema; }
    }
}
