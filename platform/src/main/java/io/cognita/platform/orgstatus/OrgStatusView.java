package io.cognita.platform.orgstatus;

import io.cognita.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * What this service knows of organizations' status, learnt from org-service's events (never by calling
 * it). A service switches the feed on with {@code cognita.org-status.enabled=true} and calls
 * {@link #requireWritable} before every write on behalf of an org's members.
 */
@ApplicationScoped
public class OrgStatusView {

    public enum Status { ACTIVE, SUSPENDED, DELETED }

    private final EntityManager em;

    public OrgStatusView(EntityManager em) {
        this.em = em;
    }

    /** 403 ORG_SUSPENDED while the org is suspended (reads stay allowed); 404 ORG_NOT_FOUND once it is deleted. */
    @Transactional
    public void requireWritable(UUID orgId) {
        switch (status(orgId)) {
            case SUSPENDED -> throw new ProblemException(403, "ORG_SUSPENDED", "Organization suspended",
                    "The organization is suspended; its data can be read but not changed.");
            case DELETED -> throw ProblemException.notFound("ORG_NOT_FOUND", "Organization not found",
                    "The organization " + orgId + " has been deleted.");
            case ACTIVE -> { }
        }
    }

    /** The last status learnt, or ACTIVE for an org not heard of yet. */
    @Transactional
    public Status status(UUID orgId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("SELECT status FROM org_status WHERE org_id = :id")
                .setParameter("id", orgId).getResultList();
        return rows.isEmpty() ? Status.ACTIVE : Status.valueOf(rows.get(0));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void record(UUID orgId, Status status, String reason) {
        em.createNativeQuery("INSERT INTO org_status (org_id, status, reason, updated_at) VALUES (:id, :s, :r, now()) "
                        + "ON CONFLICT (org_id) DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason, updated_at = now()")
                .setParameter("id", orgId).setParameter("s", status.name()).setParameter("r", reason).executeUpdate();
    }
}
