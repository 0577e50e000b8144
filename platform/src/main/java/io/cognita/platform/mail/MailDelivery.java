package io.cognita.platform.mail;

import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Sends a mail without the caller waiting, and sends it again when the attempt fails: a pooled SMTP connection that the
 * server closed while idle (421 on the next use), a server restarting. A mail sent twice is harmless; a mail never
 * sent is a user who cannot verify or join.
 */
public final class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class);
    static final int ATTEMPTS = 4;

    private MailDelivery() {
    }

    /** Subscribes to {@code sending} (a mailer's lazy send), retried with backoff; {@code what} names it in the log. */
    public static void send(Uni<Void> sending, String what) {
        sending.onFailure().invoke(failure -> LOG.warnf("%s not sent yet: %s", what, failure.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(ATTEMPTS - 1)
                .subscribe().with(ok -> { }, failure -> LOG.errorf("%s failed after %d attempts: %s", what, ATTEMPTS, failure.toString()));
    }
}
