package io.cognita.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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

    /** True the first time {@code consumer} sees {@code eventId}; false on every redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        return em.createNativeQuery("INSERT INTO inbox (consumer, event_id) VALUES (:c, :e) ON CONFLICT DO NOTHING")
                .setParameter("c", consumer).setParameter("e", eventId).executeUpdate() == 1;
    }
}
