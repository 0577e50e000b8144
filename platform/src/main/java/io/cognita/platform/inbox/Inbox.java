package io.cognita.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;

/**
 * The consumer side of exactly-once effects: a handler records the event id in the same transaction as
 * its effect, and skips the effect when the id was already recorded (a redelivery).
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;

    public Inbox(EntityManager em) {
        this.em = em;
    }

    /** Bounds how long the current transaction waits for a row or table lock (then a transient fault, retried). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void limitLockWait(Duration timeout) {
        em.createNativeQuery("SELECT set_config('lock_timeout', :timeout, true)")
                .setParameter("timeout", timeout.toMillis() + "ms").getSingleResult();
    }

    /** True the first time {@code consumer} sees {@code eventId}; false on every redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        return em.createNativeQuery("INSERT INTO inbox (consumer, event_id) VALUES (:c, :e) ON CONFLICT DO NOTHING")
                .setParameter("c", consumer).setParameter("e", eventId).executeUpdate() == 1;
    }
}
