package io.cognita.org.repository;

import io.cognita.org.domain.AuditEntry;
import io.cognita.org.domain.AuditFilter;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class AuditLogRepository implements PanacheRepositoryBase<AuditEntry, UUID> {

    public List<AuditEntry> forOrg(UUID orgId) {
        return list("orgId = ?1 order by at, id", orgId);
    }

    /** One page of an org's entries (of no org's: null), newest first, after the (at, id) of the previous page's last. */
    public List<AuditEntry> page(UUID orgId, AuditFilter filter, Instant beforeAt, UUID beforeId, int limit) {
        String actor = filter.actor();
        String action = filter.action();
        Instant from = filter.from();
        Instant to = filter.to();
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(orgId == null ? "orgId is null" : "orgId = :org");
        if (orgId != null) {
            params.put("org", orgId);
        }
        if (actor != null) {
            where.append(" and actor = :actor");
            params.put("actor", actor);
        }
        if (action != null) {
            where.append(" and action = :action");
            params.put("action", action);
        }
        if (from != null) {
            where.append(" and at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and at < :to");
            params.put("to", to);
        }
        if (beforeAt != null) {
            where.append(" and (at < :beforeAt or (at = :beforeAt and id < :beforeId))");
            params.put("beforeAt", beforeAt);
            params.put("beforeId", beforeId);
        }
        return find(where + " order by at desc, id desc", params).page(0, limit).list();
    }
}
