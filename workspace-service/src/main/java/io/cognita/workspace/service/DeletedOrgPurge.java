package io.cognita.workspace.service;

import io.cognita.platform.jobs.ExclusiveRun;
import io.cognita.platform.orgview.OrgView;
import io.cognita.workspace.domain.Workspace;
import io.cognita.workspace.repository.WorkspaceRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** A deleted org's workspaces go once its grace period is over (org.deleted starts the clock), on one replica. */
@ApplicationScoped
public class DeletedOrgPurge {

    private static final Logger LOG = Logger.getLogger(DeletedOrgPurge.class);

    private final OrgView orgs;
    private final WorkspaceRepository workspaces;
    private final WorkspaceEvents events;
    private final ExclusiveRun exclusive;
    private final Clock clock;
    private final Duration grace;

    public DeletedOrgPurge(OrgView orgs, WorkspaceRepository workspaces, WorkspaceEvents events, ExclusiveRun exclusive,
                           Clock clock, @ConfigProperty(name = "cognita.org.purge-grace") Duration grace) {
        this.orgs = orgs;
        this.workspaces = workspaces;
        this.events = events;
        this.exclusive = exclusive;
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(every = "${cognita.workspace.purge-every}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        exclusive.ifFree("workspace.org-purge", this::purge);
    }

    /** Returns the number of workspaces removed. */
    public int purge() {
        int removed = 0;
        for (UUID orgId : orgs.deletedBefore(clock.instant().minus(grace), 100)) {
            removed += purgeOrg(orgId);
        }
        if (removed > 0) {
            LOG.infof("purge: %d workspace(s) of deleted organizations removed", removed);
        }
        return removed;
    }

    @Transactional
    int purgeOrg(UUID orgId) {
        int n = 0;
        for (Workspace w : workspaces.ofOrg(orgId)) {
            workspaces.delete(w);
            events.deleted(w);
            n++;
        }
        workspaces.forgetQuota(orgId);
        orgs.forget(orgId);
        return n;
    }
}
