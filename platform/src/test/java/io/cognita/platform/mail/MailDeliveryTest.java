package io.cognita.platform.mail;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A mail whose first attempts fail (a pooled connection the server had closed) is still sent, once. */
class MailDeliveryTest {

    @Test
    void aFailedAttemptIsRetriedUntilTheMailIsSent() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        MailDelivery.send(mailer(attempts, sent, 2), "test mail");

        await().atMost(Duration.ofSeconds(10)).until(() -> sent.get() == 1);
        assertEquals(3, attempts.get());
    }

    @Test
    void aMailThatCannotBeSentIsGivenUpAfterItsAttempts() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        MailDelivery.send(mailer(attempts, sent, Integer.MAX_VALUE), "test mail");

        await().atMost(Duration.ofSeconds(30)).until(() -> attempts.get() == MailDelivery.ATTEMPTS);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).until(() -> attempts.get() == MailDelivery.ATTEMPTS);
        assertEquals(0, sent.get());
    }

    /** A lazy send, as the mailer's, that fails its first {@code failures} subscriptions. */
    private static Uni<Void> mailer(AtomicInteger attempts, AtomicInteger sent, int failures) {
        return Uni.createFrom().deferred(() -> {
            if (attempts.incrementAndGet() <= failures) {
                return Uni.createFrom().failure(new IllegalStateException("421 closing transmission channel"));
            }
            sent.incrementAndGet();
            return Uni.createFrom().voidItem();
        });
    }
}
