package io.cognita.workspace.service;

import io.cognita.platform.api.Page;
import io.cognita.platform.orgview.OrgView;
import io.cognita.platform.paging.PageRequest;
import io.cognita.platform.problem.ProblemException;
import io.cognita.workspace.domain.Workspace;
import io.cognita.workspace.domain.WorkspaceMember;
import io.cognita.workspace.domain.WorkspaceRole;
import io.cognita.workspace.repository.WorkspaceMemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Workspace members: list, add an org member, remove; and the effect of users leaving orgs or the platform. */
@ApplicationScoped
public class WorkspaceMembers {

    private final WorkspaceService workspaces;
    private final WorkspaceMemberRepository members;
    private final WorkspaceAccess access;
    private final WorkspaceEvents events;
    private final OrgView orgs;
    private final Clock clock;

    public WorkspaceMembers(WorkspaceService workspaces, WorkspaceMemberRepository members, WorkspaceAccess access,
                            WorkspaceEvents events, OrgView orgs, Clock clock) {
        this.workspaces = workspaces;
        this.members = members;
        this.access = access;
        this.events = events;
        this.orgs = orgs;
        this.clock = clock;
    }

    @Transactional
    public Page<MemberView> list(UUID workspaceId, PageRequest page) {
        Workspace w = workspaces.find(workspaceId);
        access.requireVisible(w);
        List<WorkspaceMember> rows = members.page(w.id, page.textAfter(0), page.limit() + 1);
        boolean more = rows.size() > page.limit();
        List<WorkspaceMember> items = more ? rows.subList(0, page.limit()) : rows;
        return new Page<>(items.stream().map(MemberView::of).toList(), page.limit(),
                more ? PageRequest.cursor(items.get(items.size() - 1).userId) : null);
    }

    /** 422 NOT_AN_ORG_MEMBER unless the user belongs to the workspace's org; 409 ALREADY_MEMBER. */
    @Transactional
    public MemberView add(UUID workspaceId, String userId, WorkspaceRole role) {
        Workspace w = workspaces.find(workspaceId);
        access.requireAdmin(w);
        if (orgs.role(w.orgId, userId).isEmpty()) {
            throw new ProblemException(422, "NOT_AN_ORG_MEMBER", "Not a member of the organization",
                    "Only members of the workspace's organization can be added to it.");
        }
        if (members.membership(w.id, userId).isPresent()) {
            throw ProblemException.conflict("ALREADY_MEMBER", "Already a member", userId + " is already a member of the workspace.");
        }
        WorkspaceMember m = WorkspaceMember.of(w.id, userId, role, access.actor(), clock.instant().truncatedTo(ChronoUnit.SECONDS));
        members.persist(m);
        events.memberAdded(w.orgId, m);
        return MemberView.of(m);
    }

    /** A workspace admin removes anyone; a member may remove themselves (leave). 404 MEMBER_NOT_FOUND. */
    @Transactional
    public void remove(UUID workspaceId, String userId) {
        Workspace w = workspaces.find(workspaceId);
        boolean leaving = userId.equals(access.actor());
        if (leaving) {
            access.requireMember(w, WorkspaceAccess.WRITE_SCOPE);
        } else {
            access.requireAdmin(w);
        }
        WorkspaceMember m = members.membership(w.id, userId).orElseThrow(() -> ProblemException.notFound(
                "MEMBER_NOT_FOUND", "Member not found", userId + " is not a member of the workspace."));
        members.delete(m);
        events.memberRemoved(w.orgId, m);
    }

    /** org.member-removed: the user leaves every workspace of that org (each removal announced). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void leftOrg(UUID orgId, String userId) {
        for (WorkspaceMember m : members.ofUserInOrg(userId, orgId)) {
            members.delete(m);
            events.memberRemoved(orgId, m);
        }
    }

    /** user.deleted: the user leaves every workspace. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void userDeleted(String userId) {
        for (WorkspaceMember m : members.ofUser(userId)) {
            UUID orgId = workspaces.orgOf(m.workspaceId);
            members.delete(m);
            events.memberRemoved(orgId, m);
        }
    }
}
