package io.cognita.platform.messaging;

import io.agroal.api.AgroalDataSource;
import io.cognita.platform.orgstatus.OrgStatusView;
import io.cognita.platform.testing.EventTap;
import io.cognita.platform.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The events of one poll are handled in one transaction (one commit, not one per event); when that transaction
 * fails they are handled one by one, so one bad event neither holds back nor doubles the others.
 */
@QuarkusTest
class PolledTogetherTest {

    private static final String TOPIC = "cognita.org";
    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Inject
    OrgStatusView view;

    @Inject
    EventSubscriptions subscriptions;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eventsPolledTogetherAreAppliedInOneTransaction() throws Exception {
        List<UUID> orgs = suspendTogether(15, -1);

        await().atMost(WITHIN).until(() -> orgs.stream().allMatch(id -> view.status(id) == OrgStatusView.Status.SUSPENDED));
        // one produce request, so one fetch and one poll; a second only if the consumer's fetch raced the append
        long transactions = transactionsThatWrote(orgs);
        assertTrue(transactions <= 2, orgs.size() + " events polled together took " + transactions + " transactions");
    }

    @Test
    void aFailingEventAmongThemIsDeadLetteredAloneAndTheOthersAreAppliedOnceEach() throws Exception {
        long deadLettered = subscriptions.deadLettered();
        try (EventTap dlq = new EventTap(TOPIC + ".dlq")) {
            List<UUID> orgs = suspendTogether(10, 5);

            await().atMost(WITHIN).until(() -> orgs.stream().allMatch(id -> view.status(id) == OrgStatusView.Status.SUSPENDED));
            assertTrue(dlq.await(e -> "not-an-org-id".equals(e.path("orgid").asText()), WITHIN).isPresent(),
                    "the bad event is dead-lettered");
            assertEquals(deadLettered + 1, subscriptions.deadLettered(), "only the bad event is dead-lettered");
            // the poll's transaction was rolled back and each good event then committed alone
            assertEquals(orgs.size(), transactionsThatWrote(orgs));
        }
    }

    /** Publishes {@code count} suspensions of new orgs in one produce request, a bad one (no org id) at {@code badAt}. */
    private static List<UUID> suspendTogether(int count, int badAt) {
        String key = UUID.randomUUID().toString();
        List<UUID> orgs = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i == badAt) {
                values.add(TestEvents.envelope(UUID.randomUUID().toString(), key, "org.suspended", "not-an-org-id", "{}"));
            }
            UUID org = UUID.randomUUID();
            orgs.add(org);
            values.add(TestEvents.envelope(eventIdFor(org), key, "org.suspended", org.toString(), "{\"reason\":\"together\"}"));
        }
        TestEvents.publishTogether(TOPIC, key, values);
        return orgs;
    }

    /** Each good event's id, derived from its org so the inbox can be read back. */
    private static String eventIdFor(UUID org) {
        return UUID.nameUUIDFromBytes(("together-" + org).getBytes()).toString();
    }

    private long transactionsThatWrote(List<UUID> orgs) throws Exception {
        return count("SELECT count(DISTINCT xmin::text) FROM org_status WHERE org_id = ANY (?)",
                orgs.stream().map(UUID::toString).toArray());
    }

    private long count(String sql, Object[] values) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, connection.createArrayOf("uuid", values));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
