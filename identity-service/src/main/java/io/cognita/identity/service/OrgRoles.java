package io.cognita.identity.service;

import io.cognita.identity.domain.OrgMembership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** Org memberships as identity learns them from org-service's events (read model). */
@ApplicationScoped
public class OrgRoles {

    private final EntityManager em;

    public OrgRoles(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void put(UUID orgId, String userId, String role) {
        em.createNativeQuery("INSERT INTO org_roles (org_id, user_id, role) VALUES (:o, :u, :r) "
                        + "ON CONFLICT (org_id, user_id) DO UPDATE SET role = EXCLUDED.role")
                .setParameter("o", orgId).setParameter("u", userId).setParameter("r", role).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(UUID orgId, String userId) {
        em.createNativeQuery("DELETE FROM org_roles WHERE org_id = :o AND user_id = :u")
                .setParameter("o", orgId).setParameter("u", userId).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void removeOrg(UUID orgId) {
        em.createNativeQuery("DELETE FROM org_roles WHERE org_id = :o").setParameter("o", orgId).executeUpdate();
    }

    /** The user's memberships, by org id. */
    @Transactional
    public List<OrgMembership> of(String userId) {
        List<?> rows = em.createNativeQuery("SELECT org_id, role FROM org_roles WHERE user_id = :u ORDER BY org_id")
                .setParameter("u", userId).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(r -> new OrgMembership((UUID) r[0], (String) r[1])).toList();
    }

    /** Whether {@code admin} is owner or admin of an org that {@code member} belongs to. */
    @Transactional
    public boolean administers(String admin, String member) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM org_roles a JOIN org_roles m ON a.org_id = m.org_id "
                        + "WHERE a.user_id = :a AND a.role IN ('owner', 'admin') AND m.user_id = :m")
                .setParameter("a", admin).setParameter("m", member).getSingleResult()).longValue() > 0;
    }
}
