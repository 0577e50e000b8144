package io.cognita.platform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;

/**
 * Sessions that ended (logout, password reset, a revoked provisioning token), learnt from identity's
 * session.revoked events by {@link RevokedSessionsFeed}. A service behind the gateway refuses their tokens
 * too, so a token is worthless everywhere once its session ended, not only at the edge. On in a service with
 * {@code cognita.revoked-sessions.enabled=true}.
 */
@ApplicationScoped
public class RevokedSessions {

    private final EntityManager em;
    private final boolean enabled;

    public RevokedSessions(EntityManager em,
                           @ConfigProperty(name = "cognita.revoked-sessions.enabled", defaultValue = "false") boolean enabled) {
        this.em = em;
        this.enabled = enabled;
    }

    @Transactional
    public boolean isRevoked(String sessionId) {
        if (!enabled || sessionId == null) {
            return false;
        }
        return !em.createNativeQuery("SELECT 1 FROM revoked_sessions WHERE session_id = :sid AND valid_until > now()")
                .setParameter("sid", sessionId).setMaxResults(1).getResultList().isEmpty();
    }

    /** Records the end of a session, and forgets those whose tokens have all expired. */
    @Transactional(Transactional.TxType.MANDATORY)
    void record(String sessionId, Instant validUntil) {
        em.createNativeQuery("INSERT INTO revoked_sessions (session_id, valid_until) VALUES (:sid, :until) "
                        + "ON CONFLICT (session_id) DO UPDATE SET valid_until = GREATEST(revoked_sessions.valid_until, EXCLUDED.valid_until)")
                .setParameter("sid", sessionId).setParameter("until", validUntil).executeUpdate();
        em.createNativeQuery("DELETE FROM revoked_sessions WHERE valid_until < now() - interval '1 hour'").executeUpdate();
    }
}
