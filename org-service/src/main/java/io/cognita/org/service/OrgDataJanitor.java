package io.cognita.org.service;

import io.cognita.org.domain.Invitation;
import io.cognita.org.domain.Organization;
import io.cognita.org.repository.InvitationRepository;
import io.cognita.org.repository.OrganizationRepository;
import io.cognita.platform.jobs.ExclusiveRun;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;


/**
 * org-service's own data hygiene, hourly: a deleted org's rows go after the grace period, the audit
 * entries of live orgs go when older than the org's {@code userData} retention (the audit log is the user
 * data org-service keeps; "indefinite" keeps it), and expired invitations (an address each) go.
 */
@ApplicationScoped
public class OrgDataJanitor {

    static final String JANITOR = "system:janitor";
    private static final Logger LOG = Logger.getLogger(OrgDataJanitor.class);
    private static final List<String> ORG_TABLES = List.of("invoices", "payment_methods", "usage_records", "invitations",
            "org_domains", "org_members", "audit_log");

    private final OrganizationRepository orgs;
    private final EntityManager em;
    private final Clock clock;
    private final Duration grace;
    private final InvitationRepository invitations;
    private final InvitationWindow invitationWindow;
    private final AuditLog audit;
    private final ExclusiveRun exclusive;

    public OrgDataJanitor(OrganizationRepository orgs, EntityManager em, Clock clock,
                          @ConfigProperty(name = "cognita.org.purge-grace") Duration grace,
                          InvitationRepository invitations, InvitationWindow invitationWindow, AuditLog audit,
                          ExclusiveRun exclusive) {
        this.exclusive = exclusive;
        this.invitations = invitations;
        this.invitationWindow = invitationWindow;
        this.audit = audit;
        this.orgs = orgs;
        this.em = em;
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(every = "${cognita.org.janitor-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1m")
    void run() {
        exclusive.ifFree("org.janitor", () -> {
            int purged = purgeDeleted();
            int expired = expireAuditEntries();
            int invitationsGone = expireInvitations();
            if (purged + expired + invitationsGone > 0) {
                LOG.infof("janitor: %d deleted org(s) purged, %d audit entries past retention removed, %d expired "
                        + "invitation(s) removed", purged, expired, invitationsGone);
            }
            return null;
        });
    }

    /** Removes the invitations past their time (they already hold no seat), each audited; returns how many. */
    @Transactional
    public int expireInvitations() {
        List<Invitation> expired = invitations.expired(invitationWindow.oldestOpen());
        for (Invitation invitation : expired) {
            audit.record(invitation.orgId, JANITOR, "org.invitation-expired", "invitation/" + invitation.id,
                    Map.of("email", invitation.email, "role", invitation.role.wire()), null);
            invitations.delete(invitation);
        }
        return expired.size();
    }

    /** Purges every org deleted longer ago than the grace period; returns how many. */
    @Transactional
    public int purgeDeleted() {
        Instant cutoff = clock.instant().minus(grace);
        List<Organization> due = orgs.list("deletedAt < ?1", cutoff);
        for (Organization org : due) {
            for (String table : ORG_TABLES) {
                em.createNativeQuery("DELETE FROM " + table + " WHERE org_id = :id").setParameter("id", org.id).executeUpdate();
            }
            em.createNativeQuery("DELETE FROM org_status WHERE org_id = :id").setParameter("id", org.id).executeUpdate();
            orgs.delete(org);
        }
        return due.size();
    }

    /** Removes audit entries older than each live org's userData retention ("indefinite" keeps them), in one statement. */
    @Transactional
    public int expireAuditEntries() {
        return em.createNativeQuery("DELETE FROM audit_log a USING organizations o WHERE a.org_id = o.id "
                        + "AND o.deleted_at IS NULL AND o.retention_policy->>'userData' ~ '^[0-9]+d$' "
                        + "AND a.at < CAST(:now AS timestamptz) "
                        + "- make_interval(days => CAST(rtrim(o.retention_policy->>'userData', 'd') AS int))")
                .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC)).executeUpdate();
    }
}
