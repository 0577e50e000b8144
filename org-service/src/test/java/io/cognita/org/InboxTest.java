package io.cognita.org;

import io.cognita.platform.inbox.Inbox;
import io.cognita.platform.testing.TestJwksResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The platform inbox in a service's schema: a redelivered event id is recognised, per consumer. */
@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class InboxTest {

    @Inject
    Inbox inbox;

    @Test
    void anEventIdCountsOncePerConsumer() {
        String eventId = UUID.randomUUID().toString();
        assertTrue(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery("billing", eventId)));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery("billing", eventId)));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery("domains", eventId)));
    }

    @Test
    void aRolledBackEffectLeavesTheEventUnprocessed() {
        String eventId = UUID.randomUUID().toString();
        QuarkusTransaction.begin();
        assertTrue(inbox.firstDelivery("billing", eventId));
        QuarkusTransaction.rollback();
        assertTrue(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery("billing", eventId)));
    }
}
