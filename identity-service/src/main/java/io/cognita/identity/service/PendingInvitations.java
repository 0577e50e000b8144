package io.cognita.identity.service;

import io.cognita.identity.domain.PendingInvitation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Open invitations by invited address (read model of org-service's invitation and membership events). */
@ApplicationScoped
public class PendingInvitations {

    private final EntityManager em;
    private final Clock clock;

    public PendingInvitations(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void put(UUID invitationId, UUID orgId, String orgName, String email, String role, Instant expiresAt) {
        em.createNativeQuery("INSERT INTO pending_invitations (invitation_id, org_id, org_name, email, role, expires_at) "
                        + "VALUES (:i, :o, :n, :e, :r, :x) ON CONFLICT (invitation_id) DO UPDATE SET org_name = EXCLUDED.org_name, "
                        + "email = EXCLUDED.email, role = EXCLUDED.role, expires_at = EXCLUDED.expires_at")
                .setParameter("i", invitationId).setParameter("o", orgId).setParameter("n", orgName)
                .setParameter("e", email).setParameter("r", role).setParameter("x", Timestamp.from(expiresAt)).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(UUID invitationId) {
        em.createNativeQuery("DELETE FROM pending_invitations WHERE invitation_id = :i").setParameter("i", invitationId).executeUpdate();
    }

    /** The user joined the org: their invitations into it are done. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void joined(UUID orgId, String userId) {
        em.createNativeQuery("DELETE FROM pending_invitations WHERE org_id = :o AND email = (SELECT email FROM users WHERE id = :u)")
                .setParameter("o", orgId).setParameter("u", userId).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void removeOrg(UUID orgId) {
        em.createNativeQuery("DELETE FROM pending_invitations WHERE org_id = :o").setParameter("o", orgId).executeUpdate();
    }

    /** The open invitations of an address, newest expiry last. */
    @Transactional
    public List<PendingInvitation> of(String email) {
        List<?> rows = em.createNativeQuery("SELECT invitation_id, org_id, org_name, role, expires_at FROM pending_invitations "
                        + "WHERE email = :e AND expires_at > :now ORDER BY expires_at")
                .setParameter("e", email).setParameter("now", Timestamp.from(clock.instant())).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(r -> new PendingInvitation((UUID) r[0], (UUID) r[1], (String) r[2],
                (String) r[3], DbTimestamps.instant(r[4]))).toList();
    }
}
