package io.cognita.identity.repository;

import io.cognita.identity.domain.SecurityAuditEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class SecurityAuditRepository implements PanacheRepositoryBase<SecurityAuditEntry, Long> {

    public List<SecurityAuditEntry> of(String userId) {
        return list("userId = ?1 order by id", userId);
    }
}
