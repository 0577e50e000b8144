package io.cognita.identity.service;

import io.cognita.identity.config.IdentityConfig;
import io.cognita.identity.domain.Revocation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every revocation still in force, from identity's own tables: the durable source the gateway rebuilds its
 * revoked list from at start (the broker may no longer hold old session.revoked records).
 */
@ApplicationScoped
public class RevocationList {

    private final EntityManager em;
    private final IdentityConfig config;
    private final Clock clock;

    public RevocationList(EntityManager em, IdentityConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public List<Revocation> inForce() {
        Instant now = clock.instant();
        List<Revocation> out = new ArrayList<>();
        List<?> sessions = em.createNativeQuery("SELECT CAST(id AS text), revoked_at FROM sessions WHERE revoked_at > :since")
                .setParameter("since", Timestamp.from(now.minus(config.accessTokenTtl()))).getResultList();
        for (Object row : sessions) {
            Object[] r = (Object[]) row;
            out.add(new Revocation((String) r[0], DbTimestamps.instant(r[1]).plus(config.accessTokenTtl())));
        }
        List<?> tokens = em.createNativeQuery("SELECT CAST(id AS text), expires_at FROM provisioning_tokens "
                        + "WHERE revoked_at IS NOT NULL AND expires_at > :now")
                .setParameter("now", Timestamp.from(now)).getResultList();
        for (Object row : tokens) {
            Object[] r = (Object[]) row;
            out.add(new Revocation((String) r[0], DbTimestamps.instant(r[1])));
        }
        return out;
    }
}
