package io.cognita.org.service;

import io.cognita.org.domain.AuditEntry;
import io.cognita.org.domain.AuditFilter;
import io.cognita.org.repository.AuditLogRepository;
import io.cognita.platform.api.Page;
import io.cognita.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Reading the audit log: an org's (its admins) or the platform configuration's (system admins, entries of no
 * org such as tenant-defaults changes). Newest first, filtered, cursor paged. Nothing changes an entry.
 */
@ApplicationScoped
public class AuditLogService {

    private final AuditLogRepository entries;
    private final Organizations orgs;
    private final OrgAccess access;

    public AuditLogService(AuditLogRepository entries, Organizations orgs, OrgAccess access) {
        this.entries = entries;
        this.orgs = orgs;
        this.access = access;
    }

    @Transactional
    public Page<AuditEntry> page(UUID orgId, AuditFilter filter, PageRequest page) {
        access.requireAdministrator(orgId);
        orgs.find(orgId);
        return read(orgId, filter, page);
    }

    @Transactional
    public Page<AuditEntry> platformPage(AuditFilter filter, PageRequest page) {
        access.requireSystemAdmin();
        return read(null, filter, page);
    }

    private Page<AuditEntry> read(UUID orgId, AuditFilter filter, PageRequest page) {
        Instant beforeAt = page.instantAfter(0);
        UUID beforeId = page.uuidAfter(1);
        List<AuditEntry> rows = entries.page(orgId, filter, beforeAt, beforeId, page.limit() + 1);
        boolean more = rows.size() > page.limit();
        List<AuditEntry> items = more ? rows.subList(0, page.limit()) : rows;
        String next = more ? PageRequest.cursor(items.get(items.size() - 1).at.toString(), items.get(items.size() - 1).id.toString()) : null;
        return new Page<>(items, page.limit(), next);
    }
}
