package io.cognita.workspace.service;

import io.cognita.platform.access.Standing;

import io.cognita.platform.api.Page;
import io.cognita.platform.orgview.OrgView;
import io.cognita.platform.paging.PageRequest;
import io.cognita.platform.problem.ProblemException;
import io.cognita.workspace.domain.Visibility;
import io.cognita.workspace.domain.Workspace;
import io.cognita.workspace.domain.WorkspaceMember;
import io.cognita.workspace.domain.WorkspaceRole;
import io.cognita.workspace.repository.WorkspaceMemberRepository;
import io.cognita.workspace.repository.WorkspaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Workspaces: create within the plan's limit, read, list, change, delete. */
@ApplicationScoped
public class WorkspaceService {

    private final WorkspaceRepository workspaces;
    private final WorkspaceMemberRepository members;
    private final WorkspaceAccess access;
    private final WorkspaceEvents events;
    private final OrgView orgs;
    private final Clock clock;
    private final long unknownPlanLimit;

    public WorkspaceService(WorkspaceRepository workspaces, WorkspaceMemberRepository members, WorkspaceAccess access,
                            WorkspaceEvents events, OrgView orgs, Clock clock,
                            @ConfigProperty(name = "cognita.workspace.unknown-plan-max-workspaces") long unknownPlanLimit) {
        this.workspaces = workspaces;
        this.members = members;
        this.access = access;
        this.events = events;
        this.orgs = orgs;
        this.clock = clock;
        this.unknownPlanLimit = unknownPlanLimit;
    }

    /**
     * Creates the workspace; its creator (when a member of the org) becomes its admin. The org's row in
     * org_workspace_quota is locked while the count is compared with maxWorkspaces, so concurrent creates
     * take turns and never exceed the limit.
     */
    @Transactional
    public WorkspaceView create(UUID orgId, WorkspaceDraft draft) {
        access.requireOrgAdmin(orgId);
        workspaces.lockQuota(orgId);
        long limit = orgs.profile(orgId).entitlement("maxWorkspaces", unknownPlanLimit);
        if (workspaces.countInOrg(orgId) >= limit) {
            throw new ProblemException(422, "WORKSPACE_LIMIT_REACHED", "Workspace limit reached",
                    "The organization's plan allows " + limit + " workspace(s); delete one or change the plan.");
        }
        Instant now = now();
        String actor = access.actor();
        Workspace w = Workspace.create(orgId, draft.name(), blankToNull(draft.description()),
                draft.visibility() == null ? Visibility.ORG : draft.visibility(), actor, now);
        workspaces.persist(w);
        events.created(w);
        long count = 0;
        if (orgs.role(orgId, actor).isPresent()) {
            WorkspaceMember creator = WorkspaceMember.of(w.id, actor, WorkspaceRole.ADMIN, actor, now);
            workspaces.flush();
            members.persist(creator);
            events.memberAdded(orgId, creator);
            count = 1;
        }
        return WorkspaceView.of(w, count, Standing.ADMIN);
    }

    @Transactional
    public WorkspaceView get(UUID workspaceId) {
        Workspace w = find(workspaceId);
        Standing standing = access.requireVisible(w);
        return WorkspaceView.of(w, members.counts(List.of(w.id)).getOrDefault(w.id, 0L), standing);
    }

    /** The org's workspaces the caller sees (all of them for org owners and admins), newest first. */
    @Transactional
    public Page<WorkspaceView> list(UUID orgId, PageRequest page) {
        // org owners and admins see every workspace; a system admin (no role) too, read-only
        boolean seesAll = access.requireOrgMember(orgId, WorkspaceAccess.READ_SCOPE).map(r -> r.administers()).orElse(true);
        List<Workspace> rows = workspaces.page(orgId, seesAll ? null : access.actor(), page.instantAfter(0),
                page.uuidAfter(1), page.limit() + 1);
        boolean more = rows.size() > page.limit();
        List<Workspace> items = more ? rows.subList(0, page.limit()) : rows;
        Map<UUID, Long> counts = members.counts(items.stream().map(w -> w.id).toList());
        Map<UUID, Standing> standings = access.standings(orgId, items);
        List<WorkspaceView> views = items.stream()
                .map(w -> WorkspaceView.of(w, counts.getOrDefault(w.id, 0L), standings.get(w.id))).toList();
        String next = more ? PageRequest.cursor(items.get(items.size() - 1).createdAt.toString(),
                items.get(items.size() - 1).id.toString()) : null;
        return new Page<>(views, page.limit(), next);
    }

    @Transactional
    public WorkspaceView update(UUID workspaceId, WorkspaceDraft change) {
        Workspace w = find(workspaceId);
        access.requireAdmin(w);
        if (change.name() != null) {
            w.name = change.name();
        }
        if (change.description() != null) {
            w.description = blankToNull(change.description());
        }
        if (change.visibility() != null) {
            w.visibility = change.visibility();
        }
        w.updatedAt = now();
        workspaces.flush();
        events.updated(w);
        return WorkspaceView.of(w, members.counts(List.of(w.id)).getOrDefault(w.id, 0L), access.standing(w));
    }

    /** Deletes the workspace and its memberships; meeting-service ends and hides its meetings on workspace.deleted. */
    @Transactional
    public void delete(UUID workspaceId) {
        Workspace w = find(workspaceId);
        access.requireAdmin(w);
        workspaces.lockQuota(w.orgId);
        workspaces.delete(w);
        events.deleted(w);
    }

    UUID orgOf(UUID workspaceId) {
        return workspaces.findById(workspaceId).orgId;
    }

    Workspace find(UUID workspaceId) {
        access.actor();
        return workspaces.findByIdOptional(workspaceId).orElseThrow(() -> WorkspaceAccess.workspaceNotFound(workspaceId));
    }

    /** Microseconds, as PostgreSQL keeps them: the listing's order is the order of creation (shown to the second). */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
