package io.cognita.identity.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Failed sign-ins per (hashed e-mail, source address). */
@ApplicationScoped
public class LoginFailureRepository {

    private final EntityManager em;

    public LoginFailureRepository(EntityManager em) {
        this.em = em;
    }

    /** True while this source is held back for this account. */
    public boolean isHeldBack(String emailHash, String source, Instant now) {
        return !em.createNativeQuery("SELECT 1 FROM login_failures WHERE email_hash = :e AND source = :s AND locked_until > :now")
                .setParameter("e", emailHash).setParameter("s", source).setParameter("now", at(now))
                .getResultList().isEmpty();
    }

    /** Counts a failure atomically; the {@code threshold}-th in a row holds the source back for {@code holdFor}. */
    public void recordFailure(String emailHash, String source, Instant now, int threshold, Duration holdFor) {
        em.createNativeQuery("""
                        INSERT INTO login_failures (email_hash, source, failures, updated_at) VALUES (:e, :s, 1, :now)
                        ON CONFLICT (email_hash, source) DO UPDATE SET
                          failures = CASE WHEN login_failures.failures + 1 >= :threshold THEN 0 ELSE login_failures.failures + 1 END,
                          locked_until = CASE WHEN login_failures.failures + 1 >= :threshold THEN CAST(:until AS timestamptz)
                                              ELSE login_failures.locked_until END,
                          updated_at = :now""")
                .setParameter("e", emailHash).setParameter("s", source).setParameter("now", at(now))
                .setParameter("threshold", threshold).setParameter("until", at(now.plus(holdFor))).executeUpdate();
    }

    public void clear(String emailHash, String source) {
        em.createNativeQuery("DELETE FROM login_failures WHERE email_hash = :e AND source = :s")
                .setParameter("e", emailHash).setParameter("s", source).executeUpdate();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
