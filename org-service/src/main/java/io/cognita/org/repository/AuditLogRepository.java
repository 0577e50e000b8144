package io.cognita.org.repository;

import io.cognita.org.domain.AuditEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AuditLogRepository implements PanacheRepositoryBase<AuditEntry, UUID> {

    public List<AuditEntry> forOrg(UUID orgId) {
        return list("orgId = ?1 order by at, id", orgId);
    }
}
