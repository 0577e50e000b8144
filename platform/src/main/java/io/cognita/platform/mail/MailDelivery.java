package io.cognita.platform.mail;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Sends the suite's mails (identity's verification and reset links, org-service's invitations): only once the
 * transaction that issued the mail's token has committed, without the caller waiting, and again when an attempt
 * fails or hangs — a pooled SMTP connection the server had closed, a server restarting, an exchange that never
 * answers (the reactive mailer has no timeout of its own). A mail sent twice is harmless; a mail never sent is a
 * user who cannot verify or join. A permanent refusal (5xx: no such mailbox, relaying denied) is not retried.
 */
@ApplicationScoped
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class);
    static final int ATTEMPTS = 4;
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

    private final TransactionSynchronizationRegistry transactions;

    public MailDelivery(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /**
     * Sends {@code sending} (a mailer's lazy send) once the caller's transaction has committed, nothing if it rolls
     * back; at once when the caller has no transaction. {@code what} names the mail in the log (never its text).
     */
    public void sendAfterCommit(Supplier<Uni<Void>> sending, String what) {
        if (transactions.getTransactionKey() == null) {
            send(sending.get(), what, ATTEMPT_TIMEOUT);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    send(sending.get(), what, ATTEMPT_TIMEOUT);
                }
            }
        });
    }

    static void send(Uni<Void> sending, String what, Duration attemptTimeout) {
        sending.ifNoItem().after(attemptTimeout).fail()
                .onFailure().invoke(failure -> LOG.warnf("%s not sent yet: %s", what, failure.toString()))
                .onFailure(MailDelivery::worthRetrying).retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(ATTEMPTS - 1)
                .subscribe().with(ok -> { }, failure -> LOG.errorf("%s not sent: %s", what, failure.toString()));
    }

    static boolean worthRetrying(Throwable failure) {
        return !(failure instanceof SMTPException smtp && smtp.isPermanent());
    }
}
