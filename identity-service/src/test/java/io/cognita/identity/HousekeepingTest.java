package io.cognita.identity;

import io.cognita.platform.housekeeping.Housekeeping;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expired tokens, ended sessions, old OIDC states, login failures and inbox rows go; what is still in use stays. */
@QuarkusTest
@QuarkusTestResource(IdentityTestResource.class)
class HousekeepingTest {

    @Inject
    Housekeeping housekeeping;

    @Inject
    EntityManager em;

    @Inject
    MockMailbox mailbox;

    @Test
    void whatIsPastItsUseGoesAndWhatIsInUseStays() {
        String userId = Clients.verifiedUser(mailbox, Clients.newEmail()).getString("data.user.userId");
        String tag = UUID.randomUUID().toString();
        UUID oldSession = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            sql("INSERT INTO sessions (id, user_id, created_at, last_seen_at, revoked_at) "
                    + "VALUES ('" + oldSession + "', '" + userId + "', now() - interval '200 days', now() - interval '200 days', now() - interval '199 days')");
            sql("INSERT INTO refresh_tokens (token_hash, session_id, created_at) VALUES ('old-" + tag + "', '" + oldSession + "', now() - interval '200 days')");
            sql("INSERT INTO one_time_tokens (token_hash, user_id, purpose, created_at, expires_at) "
                    + "VALUES ('old-" + tag + "', '" + userId + "', 'VERIFY_EMAIL', now() - interval '30 days', now() - interval '29 days')");
            sql("INSERT INTO oidc_states (state_hash, provider, nonce, code_verifier, created_at, expires_at) "
                    + "VALUES ('old-" + tag + "', 'test', 'n', 'v', now() - interval '3 days', now() - interval '3 days'), "
                    + "('new-" + tag + "', 'test', 'n', 'v', now(), now() + interval '10 minutes')");
            sql("INSERT INTO login_failures (email_hash, source, failures, updated_at) VALUES ('old-" + tag + "', 'x', 3, now() - interval '2 days'), "
                    + "('new-" + tag + "', 'x', 3, now())");
            sql("INSERT INTO inbox (consumer, event_id, processed_at) VALUES ('test', 'old-" + tag + "', now() - interval '40 days'), "
                    + "('test', 'new-" + tag + "', now())");
        });

        Map<String, Integer> removed = housekeeping.runOnce();
        assertTrue(removed.get("sessions") >= 1 && removed.get("refresh-tokens") >= 1, removed.toString());

        assertEquals(0, count("refresh_tokens WHERE token_hash = 'old-" + tag + "'"));
        assertEquals(0, count("sessions WHERE id = '" + oldSession + "'"));
        assertEquals(0, count("one_time_tokens WHERE token_hash = 'old-" + tag + "'"));
        assertEquals(0, count("oidc_states WHERE state_hash = 'old-" + tag + "'"));
        assertEquals(1, count("oidc_states WHERE state_hash = 'new-" + tag + "'"));
        assertEquals(0, count("login_failures WHERE email_hash = 'old-" + tag + "'"));
        assertEquals(1, count("login_failures WHERE email_hash = 'new-" + tag + "'"));
        assertEquals(0, count("inbox WHERE event_id = 'old-" + tag + "'"));
        assertEquals(1, count("inbox WHERE event_id = 'new-" + tag + "'"));
        // the user's live session and its token stay
        assertTrue(count("sessions WHERE user_id = '" + userId + "'") >= 1);
        assertTrue(count("refresh_tokens r JOIN sessions s ON s.id = r.session_id WHERE s.user_id = '" + userId + "'") >= 1);
    }

    private void sql(String statement) {
        em.createNativeQuery(statement).executeUpdate();
    }

    private long count(String from) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM " + from).getSingleResult()).longValue());
    }
}
