package io.cognita.org.service;

import io.cognita.org.domain.OrgType;
import io.cognita.org.domain.Organization;
import io.cognita.org.domain.TenantDefaults;
import io.cognita.org.repository.OrganizationRepository;
import io.cognita.org.repository.TenantDefaultsRepository;
import io.cognita.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

/** Looking up a live organization and the tenant defaults of its type, for every use case of the service. */
@ApplicationScoped
public class Organizations {

    private final OrganizationRepository orgs;
    private final TenantDefaultsRepository tenantDefaults;

    public Organizations(OrganizationRepository orgs, TenantDefaultsRepository tenantDefaults) {
        this.orgs = orgs;
        this.tenantDefaults = tenantDefaults;
    }

    /** The org, or 404 ORG_NOT_FOUND when it does not exist or is deleted. */
    Organization find(UUID orgId) {
        return orgs.findByIdOptional(orgId).filter(o -> !o.isDeleted()).orElseThrow(() -> OrgAccess.notFound(orgId));
    }

    /** The org as {@code memberId} may see it (any org when null: a system admin), in one statement; else 404. */
    Organization findVisible(UUID orgId, String memberId) {
        if (memberId == null) {
            return find(orgId);
        }
        return orgs.ofMember(orgId, memberId).filter(o -> !o.isDeleted()).orElseThrow(() -> OrgAccess.notFound(orgId));
    }

    /**
     * The org, its row locked until the transaction ends: writers of the same org queue up instead of failing
     * on each other's version (the @Version check stays as the guard for any path that does not lock).
     */
    Organization findForUpdate(UUID orgId) {
        return orgs.findByIdOptional(orgId, LockModeType.PESSIMISTIC_WRITE).filter(o -> !o.isDeleted())
                .orElseThrow(() -> OrgAccess.notFound(orgId));
    }

    /** Locks the row of an org already loaded, as {@link #findForUpdate} does (seat decisions, one at a time). */
    void lock(Organization org) {
        orgs.getEntityManager().lock(org, LockModeType.PESSIMISTIC_WRITE);
    }

    TenantDefaults defaultsFor(OrgType type) {
        return tenantDefaults.findByIdOptional(type).orElseThrow(() -> new ProblemException(500,
                "TENANT_DEFAULTS_MISSING", "Configuration error", "No tenant defaults for orgType " + type.wire() + "."));
    }

    /** The audit and event subject of an org. */
    static String target(UUID orgId) {
        return "org/" + orgId;
    }
}
