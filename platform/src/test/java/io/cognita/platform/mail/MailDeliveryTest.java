package io.cognita.platform.mail;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.SMTPException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A mail whose first attempts fail or hang (a pooled connection the server had closed, an exchange that never
 * answers) is still sent, once; a permanent refusal is not tried again; nothing goes out for a rolled-back transaction.
 */
class MailDeliveryTest {

    private static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(500);

    @Test
    void aFailedAttemptIsRetriedUntilTheMailIsSent() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        MailDelivery.send(mailer(attempts, sent, 2, () -> Uni.createFrom().failure(new IllegalStateException("421 closing"))),
                "test mail", ATTEMPT_TIMEOUT);

        await().atMost(Duration.ofSeconds(10)).until(() -> sent.get() == 1);
        assertEquals(3, attempts.get());
    }

    @Test
    void anAttemptThatNeverAnswersIsGivenUpAndTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        MailDelivery.send(mailer(attempts, sent, 1, () -> Uni.createFrom().nothing()), "test mail", ATTEMPT_TIMEOUT);

        await().atMost(Duration.ofSeconds(10)).until(() -> sent.get() == 1);
        assertEquals(2, attempts.get());
    }

    @Test
    void aMailThatCannotBeSentIsGivenUpAfterItsAttempts() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        MailDelivery.send(mailer(attempts, sent, Integer.MAX_VALUE, () -> Uni.createFrom().failure(new IllegalStateException("421 closing"))),
                "test mail", ATTEMPT_TIMEOUT);

        await().atMost(Duration.ofSeconds(30)).until(() -> attempts.get() == MailDelivery.ATTEMPTS);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).until(() -> attempts.get() == MailDelivery.ATTEMPTS);
        assertEquals(0, sent.get());
    }

    @Test
    void aPermanentRefusalIsNotTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        SMTPException noSuchMailbox = new SMTPException("550 no such user", 550, List.of("550 no such user"), false);
        MailDelivery.send(mailer(attempts, sent, Integer.MAX_VALUE, () -> Uni.createFrom().failure(noSuchMailbox)),
                "test mail", ATTEMPT_TIMEOUT);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 1);
        assertEquals(0, sent.get());
    }

    @Test
    void aMailIsSentOnlyOnceItsTransactionHasCommitted() {
        OneTransaction transaction = new OneTransaction();
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        new MailDelivery(transaction).sendAfterCommit(() -> mailer(attempts, sent, 0, null), "test mail");

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> attempts.get() == 0);
        transaction.end(Status.STATUS_COMMITTED);
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.get() == 1);
    }

    @Test
    void aRolledBackTransactionMailsNothing() {
        OneTransaction transaction = new OneTransaction();
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        new MailDelivery(transaction).sendAfterCommit(() -> mailer(attempts, sent, 0, null), "test mail");

        transaction.end(Status.STATUS_ROLLEDBACK);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> attempts.get() == 0);
    }

    @Test
    void withoutATransactionTheMailGoesAtOnce() {
        OneTransaction none = new OneTransaction();
        none.key = null;
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        new MailDelivery(none).sendAfterCommit(() -> mailer(attempts, sent, 0, null), "test mail");

        await().atMost(Duration.ofSeconds(5)).until(() -> sent.get() == 1);
    }

    /** A lazy send, as the mailer's, whose first {@code failures} subscriptions answer {@code failing}. */
    private static Uni<Void> mailer(AtomicInteger attempts, AtomicInteger sent, int failures, Supplier<Uni<Void>> failing) {
        return Uni.createFrom().deferred(() -> {
            if (attempts.incrementAndGet() <= failures) {
                return failing.get();
            }
            sent.incrementAndGet();
            return Uni.createFrom().voidItem();
        });
    }

    /** The registry of one transaction, ended by the test. */
    private static final class OneTransaction implements TransactionSynchronizationRegistry {
        Object key = new Object();
        private Synchronization registered;

        void end(int status) {
            registered.afterCompletion(status);
        }

        @Override
        public Object getTransactionKey() {
            return key;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            registered = sync;
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getTransactionStatus() {
            return key == null ? Status.STATUS_NO_TRANSACTION : Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
