package io.cognita.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.cognita.platform.testing.EventTap;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox relay publishes what a committed transaction recorded, and nothing of a rolled-back one. */
@QuarkusTest
class OutboxRelayTest {

    private static final String TOPIC = "cognita.platform-test";
    private static final Duration WITHIN = Duration.ofSeconds(15);

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Test
    void aCommittedEventReachesTheBrokerAsACloudEventAndLeavesTheOutbox() {
        String orgId = UUID.randomUUID().toString();
        try (EventTap tap = new EventTap(TOPIC)) {
            CloudEvent<Object> sent = QuarkusTransaction.requiringNew().call(
                    () -> outbox.record("test.happened", orgId, "things/1", Map.of("n", 1)));
            JsonNode received = tap.await(e -> sent.id().equals(e.path("id").asText()), WITHIN).orElseThrow();
            assertEquals("1.0", received.path("specversion").asText());
            assertEquals("test.happened", received.path("type").asText());
            assertEquals("/cognita/platform-test", received.path("source").asText());
            assertEquals(orgId, received.path("orgid").asText());
            assertEquals("things/1", received.path("subject").asText());
            assertEquals(1, received.path("data").path("n").asInt());
            assertEquals(orgId, received.path("_key").asText());
            await().atMost(WITHIN).until(() -> pending(sent.id()) == 0);
        }
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String orgId = UUID.randomUUID().toString();
        try (EventTap tap = new EventTap(TOPIC)) {
            QuarkusTransaction.begin();
            outbox.record("test.rolled-back", orgId, "things/2", Map.of());
            QuarkusTransaction.rollback();
            String marker = QuarkusTransaction.requiringNew().call(
                    () -> outbox.record("test.marker", orgId, "things/3", Map.of())).id();
            tap.await(e -> marker.equals(e.path("id").asText()), WITHIN).orElseThrow();
            assertTrue(tap.seen().stream().noneMatch(e -> "test.rolled-back".equals(e.path("type").asText())));
        }
    }

    private long pending(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox WHERE id = CAST(:id AS uuid)").setParameter("id", id).getSingleResult()).longValue());
    }
}
