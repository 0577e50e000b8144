package io.cognita.platform.messaging;

import io.cognita.platform.orgstatus.OrgStatusView;
import io.cognita.platform.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A record whose ce_type header names a type no handler of the group takes is skipped without reading its body. */
@QuarkusTest
class TypeHeaderTest {

    private static final String TOPIC = "cognita.org";

    @Inject
    OrgStatusView view;

    @Inject
    EventSubscriptions subscriptions;

    @Test
    void aRecordOfATypeTheHandlerDoesNotTakeIsSkippedUnread() {
        long deadLettered = subscriptions.deadLettered();
        String key = UUID.randomUUID().toString();
        UUID org = UUID.randomUUID();
        // unreadable, so reading it would dead-letter it; same key, so the marker behind it is on the same partition
        TestEvents.publishRaw(TOPIC, key, "not a cloud event", "org.renamed-for-someone-else");
        TestEvents.publish(TOPIC, key, "org.suspended", org.toString(), "{\"reason\":\"marker\"}");

        await().atMost(Duration.ofSeconds(30)).until(() -> view.status(org) == OrgStatusView.Status.SUSPENDED);
        assertEquals(deadLettered, subscriptions.deadLettered());
    }
}
