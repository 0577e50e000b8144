package io.cognita.platform.orgstatus;

import io.cognita.platform.problem.ProblemException;
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
import java.util.UUID;

/**
 * What this service knows of organizations' status, learnt from org-service's events (never by calling
 * it). A service switches the feed on with {@code cognita.org-status.enabled=true} and calls
 * {@link #requireWritable} before every write on behalf of an org's members. Read from memory on every request: each
 * replica refreshes its copy of the table every {@code cognita.read-models.refresh-every} (1 s).
 */
@ApplicationScoped
public class OrgStatusView {

    public enum Status { ACTIVE, SUSPENDED, DELETED }

    private final EntityManager em;
    private final boolean enabled;
    private final RefreshedView<UUID, Status> statuses;

    public OrgStatusView(EntityManager em,
                         @ConfigProperty(name = "cognita.org-status.enabled", defaultValue = "false") boolean enabled,
                         @ConfigProperty(name = "cognita.read-models.max-staleness") Duration maxStaleness) {
        this.em = em;
        this.enabled = enabled;
        this.statuses = new RefreshedView<>("organizations' status", this::changedSince, maxStaleness);
    }

    /** 403 ORG_SUSPENDED while the org is suspended (reads stay allowed); 404 ORG_NOT_FOUND once it is deleted. */
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
    public Status status(UUID orgId) {
        if (!enabled) {
            return Status.ACTIVE;
        }
        if (!statuses.loaded()) {
            QuarkusTransaction.requiringNew().run(statuses::refresh);
        }
        return statuses.get(orgId).orElse(Status.ACTIVE);
    }

    @Scheduled(every = "${cognita.read-models.refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void refresh() {
        if (enabled) {
            statuses.refresh();
        }
    }

    private List<RefreshedView.Change<UUID, Status>> changedSince(Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT org_id, status, updated_at FROM org_status WHERE updated_at > :since")
                .setParameter("since", since).getResultList();
        return rows.stream().map(row -> new RefreshedView.Change<>((UUID) row[0], Status.valueOf((String) row[1]),
                RefreshedView.instant(row[2]))).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void record(UUID orgId, Status status, String reason) {
        em.createNativeQuery("INSERT INTO org_status (org_id, status, reason, updated_at) VALUES (:id, :s, :r, clock_timestamp()) "
                        + "ON CONFLICT (org_id) DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason, updated_at = clock_timestamp()")
                .setParameter("id", orgId).setParameter("s", status.name()).setParameter("r", reason).executeUpdate();
    }
}
