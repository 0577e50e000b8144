package io.cognita.org.service;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.cognita.org.domain.Entitlements;
import io.cognita.org.domain.OrgDraft;
import io.cognita.org.domain.OrgRole;
import io.cognita.org.domain.Organization;
import io.cognita.org.domain.OrganizationSnapshot;
import io.cognita.org.repository.BillingRepositories;
import io.cognita.org.repository.OrganizationRepository;
import io.cognita.platform.api.Page;
import io.cognita.platform.outbox.Outbox;
import io.cognita.platform.paging.PageRequest;
import io.micrometer.core.annotation.Counted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The organization use cases: create, read, list and full replace. */
@ApplicationScoped
public class OrgService {

    static final String CREATED = "org.created";
    static final String UPDATED = "org.updated";

    private final OrganizationRepository orgs;
    private final Organizations organizations;
    private final OrgAccess access;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;
    private final UserDirectory directory;
    private final MemberService memberships;
    private final DomainService domains;
    private final BillingRepositories.Plans plans;

    /** org.created carries the plan's entitlements too, so consumers enforce them (maxWorkspaces) from the start. */
    record OrgCreated(@JsonUnwrapped OrganizationSnapshot organization, Entitlements entitlements) {
    }

    public OrgService(OrganizationRepository orgs, Organizations organizations, OrgAccess access, AuditLog audit,
                      Outbox outbox, Clock clock, UserDirectory directory, MemberService memberships, DomainService domains,
                      BillingRepositories.Plans plans) {
        this.plans = plans;
        this.orgs = orgs;
        this.organizations = organizations;
        this.access = access;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.directory = directory;
        this.memberships = memberships;
        this.domains = domains;
    }

    @Transactional
    @Counted(value = "cognita.orgs.created", description = "organizations created; result=failure for a refused one")
    public OrganizationSnapshot create(OrgDraft draft) {
        access.requireProvisioner();
        Organization org = Organization.create(draft, organizations.defaultsFor(draft.orgType()), clock.instant());
        orgs.persist(org);
        domains.sync(org);
        OrganizationSnapshot created = OrganizationSnapshot.of(org);
        audit.record(org.id, access.actor(), CREATED, Organizations.target(org.id), null, created);
        outbox.record(CREATED, org.id.toString(), Organizations.target(org.id),
                new OrgCreated(created, plans.findById(org.billingPlan).entitlements));
        if (org.payerUserId != null && directory.exists(org.payerUserId)) {
            orgs.flush();
            memberships.add(org.id, org.payerUserId, OrgRole.OWNER, access.actor());
        }
        return created;
    }

    /**
     * No transaction, one statement: the org joined with the caller's membership (a system admin's without), read by
     * the request-scoped session with the connection in autocommit. Outside a transaction Hibernate borrows a
     * connection per statement, so one statement keeps it to one borrow; the COMMIT round trip and Narayana's
     * bookkeeping are saved on the most frequent read (docs/performance.md).
     */
    public OrganizationSnapshot get(UUID orgId) {
        return OrganizationSnapshot.of(organizations.findVisible(orgId, access.listingScope()));
    }

    @Transactional
    public Page<OrganizationSnapshot> list(Boolean suspended, String nameContains, boolean oldestFirst, PageRequest page) {
        Instant afterAt = page.instantAfter(0);
        UUID afterId = page.uuidAfter(1);
        List<Organization> rows = orgs.page(access.listingScope(), suspended, nameContains, oldestFirst, afterAt, afterId,
                page.limit() + 1);
        boolean more = rows.size() > page.limit();
        List<Organization> items = more ? rows.subList(0, page.limit()) : rows;
        String next = null;
        if (more) {
            Organization last = items.get(items.size() - 1);
            next = PageRequest.cursor(last.createdAt.toString(), last.id.toString());
        }
        return new Page<>(items.stream().map(OrganizationSnapshot::of).toList(), page.limit(), next);
    }

    @Transactional
    public OrganizationSnapshot replace(UUID orgId, OrgDraft draft) {
        access.requireAdministrator(orgId);
        Organization org = organizations.findForUpdate(orgId);
        access.requireWritable(orgId);
        OrganizationSnapshot before = OrganizationSnapshot.of(org);
        org.replaceWith(draft, organizations.defaultsFor(draft.orgType()), clock.instant());
        domains.sync(org);
        orgs.flush();
        OrganizationSnapshot after = OrganizationSnapshot.of(org);
        audit.record(org.id, access.actor(), UPDATED, Organizations.target(org.id), before, after);
        outbox.record(UPDATED, org.id.toString(), Organizations.target(org.id), after);
        return after;
    }
}
