package io.cognita.platform.orgstatus;

import io.cognita.platform.problem.ProblemException;
import io.cognita.platform.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The event-fed org-status view, fed by org events published to the real broker. */
@QuarkusTest
class OrgStatusFeedTest {

    private static final String TOPIC = "cognita.org";
    private static final Duration WITHIN = Duration.ofSeconds(15);

    @Inject
    OrgStatusView view;

    @Test
    void aSuspensionRefusesWritesUntilTheResumption() {
        String orgId = UUID.randomUUID().toString();
        UUID id = UUID.fromString(orgId);
        publish(orgId, "org.created", orgId, "{}");
        assertDoesNotThrow(() -> view.requireWritable(id));

        publish(orgId, "org.suspended", orgId, "{\"reason\":\"unpaid\"}");
        await().atMost(WITHIN).until(() -> view.status(id) == OrgStatusView.Status.SUSPENDED);
        ProblemException refused = assertThrows(ProblemException.class, () -> view.requireWritable(id));
        assertEquals(403, refused.status());
        assertEquals("ORG_SUSPENDED", refused.code());

        publish(orgId, "org.resumed", orgId, "{}");
        await().atMost(WITHIN).until(() -> view.status(id) == OrgStatusView.Status.ACTIVE);
        assertDoesNotThrow(() -> view.requireWritable(id));
    }

    @Test
    void aRedeliveredSuspensionIsNotAppliedTwice() {
        String orgId = UUID.randomUUID().toString();
        UUID id = UUID.fromString(orgId);
        String suspension = envelope(UUID.randomUUID().toString(), "org.suspended", orgId, "{\"reason\":\"unpaid\"}");
        TestEvents.publishRaw(TOPIC, orgId, suspension);
        await().atMost(WITHIN).until(() -> view.status(id) == OrgStatusView.Status.SUSPENDED);
        publish(orgId, "org.resumed", orgId, "{}");
        await().atMost(WITHIN).until(() -> view.status(id) == OrgStatusView.Status.ACTIVE);

        TestEvents.publishRaw(TOPIC, orgId, suspension);
        // a marker behind the redelivery on the same partition (same key): once it is applied, so was the redelivery
        String marker = UUID.randomUUID().toString();
        publish(orgId, "org.deleted", marker, "{}");
        await().atMost(WITHIN).until(() -> view.status(UUID.fromString(marker)) == OrgStatusView.Status.DELETED);
        assertEquals(OrgStatusView.Status.ACTIVE, view.status(id));
    }

    @Test
    void aDeletedOrgTakesNoMoreWrites() {
        String orgId = UUID.randomUUID().toString();
        UUID id = UUID.fromString(orgId);
        publish(orgId, "org.deleted", orgId, "{}");
        await().atMost(WITHIN).until(() -> view.status(id) == OrgStatusView.Status.DELETED);
        ProblemException refused = assertThrows(ProblemException.class, () -> view.requireWritable(id));
        assertEquals(404, refused.status());
        assertEquals("ORG_NOT_FOUND", refused.code());
    }

    @Test
    void anOrgNotHeardOfIsWritable() {
        assertEquals(OrgStatusView.Status.ACTIVE, view.status(UUID.randomUUID()));
    }

    private static void publish(String key, String type, String orgId, String data) {
        TestEvents.publish(TOPIC, key, type, orgId, data);
    }

    private static String envelope(String id, String type, String orgId, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/cognita/tests\",\"type\":\"" + type
                + "\",\"subject\":\"orgs/" + orgId + "\",\"orgid\":\"" + orgId + "\",\"data\":" + data + "}";
    }
}
