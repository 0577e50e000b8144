package io.cognita.org.service;

import io.cognita.org.domain.Organization;
import io.cognita.org.domain.OrganizationSnapshot;
import io.cognita.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Suspend, resume and (soft) delete; each announced to every service through the outbox. */
@ApplicationScoped
public class OrgLifecycleService {

    static final String SUSPENDED = "org.suspended";
    static final String RESUMED = "org.resumed";
    static final String DELETED = "org.deleted";

    public record StatusChange(UUID orgId, String reason, Instant at) {
    }

    private final Organizations orgs;
    private final OrgAccess access;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;

    public OrgLifecycleService(Organizations orgs, OrgAccess access, AuditLog audit, Outbox outbox, Clock clock) {
        this.orgs = orgs;
        this.access = access;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public OrganizationSnapshot suspend(UUID orgId, String reason) {
        access.requireSystemAdmin();
        Organization org = orgs.findForUpdate(orgId);
        OrganizationSnapshot before = OrganizationSnapshot.of(org);
        org.suspend(reason.strip(), clock.instant());
        return changed(org, before, SUSPENDED, reason.strip());
    }

    @Transactional
    public OrganizationSnapshot resume(UUID orgId, String reason) {
        access.requireSystemAdmin();
        Organization org = orgs.findForUpdate(orgId);
        OrganizationSnapshot before = OrganizationSnapshot.of(org);
        org.resume(clock.instant());
        return changed(org, before, RESUMED, reason);
    }

    /** Soft delete: the org disappears at once; every service purges its data when it hears org.deleted. */
    @Transactional
    public void delete(UUID orgId) {
        access.requireOwner(orgId);
        Organization org = orgs.findForUpdate(orgId);
        access.requireWritable(orgId);
        OrganizationSnapshot before = OrganizationSnapshot.of(org);
        org.deletedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        audit.record(org.id, access.actor(), DELETED, Organizations.target(org.id), before, null);
        outbox.record(DELETED, org.id.toString(), Organizations.target(org.id), new StatusChange(org.id, null, org.deletedAt));
    }

    private OrganizationSnapshot changed(Organization org, OrganizationSnapshot before, String type, String reason) {
        OrganizationSnapshot after = OrganizationSnapshot.of(org);
        audit.record(org.id, access.actor(), type, Organizations.target(org.id), before, after);
        outbox.record(type, org.id.toString(), Organizations.target(org.id), new StatusChange(org.id, reason, org.updatedAt));
        return after;
    }
}
