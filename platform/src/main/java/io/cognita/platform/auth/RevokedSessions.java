package io.cognita.platform.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions that ended (logout, password reset, a revoked provisioning token), learnt from identity's
 * session.revoked events. A service behind the gateway refuses their tokens too, so a token is worthless
 * everywhere once its session ended, not only at the edge. On in a service with
 * {@code cognita.revoked-sessions.enabled=true}. The check answers from this replica's {@link RevokedSessionsView}
 * while that is current, else from the revoked_sessions table that {@link RevokedSessionsFeed} keeps (counted by
 * answer source in {@code cognita_revoked_sessions_checks_total}).
 */
@ApplicationScoped
public class RevokedSessions {

    private final EntityManager em;
    private final RevokedSessionsView view;
    private final boolean enabled;
    private final Counter fromMemory;
    private final Counter fromDatabase;

    public RevokedSessions(EntityManager em, RevokedSessionsView view, MeterRegistry registry,
                           @ConfigProperty(name = "cognita.revoked-sessions.enabled", defaultValue = "false") boolean enabled) {
        this.em = em;
        this.view = view;
        this.enabled = enabled;
        this.fromMemory = checks(registry, "memory");
        this.fromDatabase = checks(registry, "database");
    }

    private static Counter checks(MeterRegistry registry, String source) {
        return Counter.builder("cognita.revoked.sessions.checks")
                .description("revoked-session checks of tokens, by where the answer came from").tag("source", source)
                .register(registry);
    }

    public boolean isRevoked(String sessionId) {
        if (!enabled || sessionId == null) {
            return false;
        }
        Optional<Boolean> known = view.revoked(sessionId);
        if (known.isPresent()) {
            fromMemory.increment();
            return known.get();
        }
        fromDatabase.increment();
        return QuarkusTransaction.joiningExisting().call(() -> !em.createNativeQuery(
                        "SELECT 1 FROM revoked_sessions WHERE session_id = :sid AND valid_until > now()")
                .setParameter("sid", sessionId).setMaxResults(1).getResultList().isEmpty());
    }

    /** Records the end of a session, and forgets those whose tokens have all expired. */
    @Transactional(Transactional.TxType.MANDATORY)
    void record(String sessionId, Instant validUntil) {
        em.createNativeQuery("INSERT INTO revoked_sessions (session_id, valid_until) VALUES (:sid, :until) "
                        + "ON CONFLICT (session_id) DO UPDATE SET valid_until = GREATEST(revoked_sessions.valid_until, EXCLUDED.valid_until)")
                .setParameter("sid", sessionId).setParameter("until", validUntil).executeUpdate();
        em.createNativeQuery("DELETE FROM revoked_sessions WHERE valid_until < now() - interval '1 hour'").executeUpdate();
    }

    /** The revocations in the table whose tokens may still be valid. */
    @Transactional
    Map<String, Instant> inForce() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT session_id, (extract(epoch FROM valid_until) * 1000)::bigint FROM revoked_sessions WHERE valid_until > now()")
                .getResultList();
        Map<String, Instant> inForce = new HashMap<>();
        for (Object[] row : rows) {
            inForce.put((String) row[0], Instant.ofEpochMilli(((Number) row[1]).longValue()));
        }
        return inForce;
    }
}
