package io.cognita.platform.auth;

import io.cognita.platform.readmodel.RefreshedView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sessions that ended (logout, password reset, a revoked provisioning token), learnt from identity's
 * session.revoked events by {@link RevokedSessionsFeed}. A service behind the gateway refuses their tokens
 * too, so a token is worthless everywhere once its session ended, not only at the edge (which refuses it at once).
 * Checked on every request from memory: each replica refreshes its copy of the table every
 * {@code cognita.read-models.refresh-every} (1 s). On in a service with {@code cognita.revoked-sessions.enabled=true}.
 */
@ApplicationScoped
public class RevokedSessions {

    private final EntityManager em;
    private final boolean enabled;
    private final RefreshedView<String, Instant> revoked;

    public RevokedSessions(EntityManager em,
                           @ConfigProperty(name = "cognita.revoked-sessions.enabled", defaultValue = "false") boolean enabled,
                           @ConfigProperty(name = "cognita.read-models.max-staleness") Duration maxStaleness) {
        this.em = em;
        this.enabled = enabled;
        this.revoked = new RefreshedView<>("list of ended sessions", this::changedSince, maxStaleness);
    }

    public boolean isRevoked(String sessionId) {
        if (!enabled || sessionId == null) {
            return false;
        }
        if (!revoked.loaded()) {
            QuarkusTransaction.requiringNew().run(revoked::refresh);
        }
        return revoked.get(sessionId).filter(until -> until.isAfter(Instant.now())).isPresent();
    }

    @Scheduled(every = "${cognita.read-models.refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void refresh() {
        if (enabled) {
            revoked.refresh();
            Instant now = Instant.now();
            revoked.forgetIf(until -> until.isBefore(now));
        }
    }

    private List<RefreshedView.Change<String, Instant>> changedSince(Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT session_id, valid_until, changed_at FROM revoked_sessions "
                + "WHERE changed_at > :since AND valid_until > now()").setParameter("since", since).getResultList();
        return rows.stream().map(row -> new RefreshedView.Change<>((String) row[0], RefreshedView.instant(row[1]), RefreshedView.instant(row[2]))).toList();
    }

    /** Records the end of a session, and forgets those whose tokens have all expired. */
    @Transactional(Transactional.TxType.MANDATORY)
    void record(String sessionId, Instant validUntil) {
        em.createNativeQuery("INSERT INTO revoked_sessions (session_id, valid_until) VALUES (:sid, :until) "
                        + "ON CONFLICT (session_id) DO UPDATE SET valid_until = GREATEST(revoked_sessions.valid_until, EXCLUDED.valid_until), "
                        + "changed_at = clock_timestamp()")
                .setParameter("sid", sessionId).setParameter("until", validUntil).executeUpdate();
        em.createNativeQuery("DELETE FROM revoked_sessions WHERE valid_until < now() - interval '1 hour'").executeUpdate();
    }
}
