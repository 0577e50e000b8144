package io.cognita.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.cognita.platform.testing.EventTap;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several replicas' relays over one aggregate's events: the broker receives them in the order they were written. */
@QuarkusTest
class RelayOrderTest {

    private static final int EVENTS = 120;

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Outbox.OutboxSettings settings;

    @Inject
    io.cognita.platform.metrics.EventMeters meters;

    @Inject
    io.cognita.platform.tracing.Traces traces;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void threeRelaysRacingKeepOneAggregatesOrder() {
        String orgId = UUID.randomUUID().toString();
        // two more replicas' relays with small batches, beside the application's own
        List<OutboxRelay> replicas = List.of(replica(), replica());
        try (EventTap tap = new EventTap("cognita.platform-test")) {
            List<String> written = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                int n = i;
                written.add(QuarkusTransaction.requiringNew().call(
                        () -> outbox.record("test.step", orgId, "things/" + n, Map.of("n", n))).id());
            }
            String last = written.get(written.size() - 1);
            tap.await(e -> last.equals(e.path("id").asText()), Duration.ofSeconds(30)).orElseThrow();
            // every event arrived; a resend may repeat one, so compare first arrivals
            LinkedHashSet<String> arrived = new LinkedHashSet<>();
            for (JsonNode event : tap.seen()) {
                if (orgId.equals(event.path("orgid").asText())) {
                    arrived.add(event.path("id").asText());
                }
            }
            assertEquals(written, new ArrayList<>(arrived));
            assertTrue(replicas.stream().filter(OutboxRelay::leading).count() <= 1, "at most one relay leads");
        } finally {
            replicas.forEach(r -> r.stop(null));
        }
    }

    private OutboxRelay replica() {
        OutboxRelay relay = new OutboxRelay(dataSource, meters, traces, settings, bootstrap, Duration.ofMillis(50), 3, true);
        relay.start(null);
        return relay;
    }
}
