package io.cognita.workspace.service;

import io.cognita.platform.access.OrgStanding;
import io.cognita.platform.access.Standing;

import io.cognita.platform.auth.Caller;
import io.cognita.platform.orgstatus.OrgStatusView;
import io.cognita.platform.orgview.OrgRole;
import io.cognita.platform.orgview.OrgView;
import io.cognita.platform.problem.ProblemException;
import io.cognita.workspace.domain.Visibility;
import io.cognita.workspace.domain.Workspace;
import io.cognita.workspace.domain.WorkspaceMember;
import io.cognita.workspace.repository.WorkspaceMemberRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may do what with workspaces, decided from this service's own event-fed views (org memberships and
 * roles, org status) and its workspace members, never from roles in a token. What the caller may not see is
 * "not found", decided before any scope check; what they see but may not do is 403. A system admin (the
 * platform operator) reads every org's workspaces and changes none.
 */
@ApplicationScoped
public class WorkspaceAccess {

    static final String READ_SCOPE = "workspace:read";
    static final String WRITE_SCOPE = "workspace:write";

    private final Caller caller;
    private final OrgView orgs;
    private final OrgStatusView orgStatus;
    private final WorkspaceMemberRepository members;
    private final OrgStanding orgStanding;

    public WorkspaceAccess(Caller caller, OrgView orgs, OrgStatusView orgStatus, WorkspaceMemberRepository members,
                           OrgStanding orgStanding) {
        this.orgStanding = orgStanding;
        this.caller = caller;
        this.orgs = orgs;
        this.orgStatus = orgStatus;
        this.members = members;
    }

    public String actor() {
        return caller.id();
    }

    public boolean isSystemAdmin() {
        return caller.isSystemAdmin();
    }

    /** The caller's role in the org; 404 for a deleted org or one the caller does not belong to. */
    public Optional<OrgRole> requireOrgMember(UUID orgId, String scope) {
        if (orgStatus.status(orgId) == OrgStatusView.Status.DELETED) {
            throw orgNotFound(orgId);
        }
        Optional<OrgRole> role = orgs.role(orgId, caller.id());
        if (role.isEmpty() && !caller.isSystemAdmin()) {
            throw orgNotFound(orgId);
        }
        caller.requireScope(scope);
        return role;
    }

    /** Create a workspace: an org owner or admin; the org writable. */
    public void requireOrgAdmin(UUID orgId) {
        Optional<OrgRole> role = requireOrgMember(orgId, WRITE_SCOPE);
        if (role.isEmpty() || !role.get().administers()) {
            throw ProblemException.forbidden("Only an owner or admin of the organization may create workspaces.");
        }
        requireWritable(orgId);
    }

    public Standing standing(Workspace workspace) {
        Optional<Standing> decided = orgStanding.of(workspace.orgId);
        if (decided.isPresent()) {
            return decided.get();
        }
        return standingOfMember(workspace, members.membership(workspace.id, caller.id()));
    }

    /** The standings of one org's workspaces (a listing's page): the org decides once, memberships in one query. */
    public java.util.Map<UUID, Standing> standings(UUID orgId, java.util.List<Workspace> page) {
        Optional<Standing> decided = orgStanding.of(orgId);
        java.util.Map<UUID, WorkspaceMember> mine = decided.isPresent() ? java.util.Map.of()
                : members.ofUserIn(caller.id(), page.stream().map(w -> w.id).toList());
        java.util.Map<UUID, Standing> standings = new java.util.HashMap<>();
        for (Workspace w : page) {
            standings.put(w.id, decided.orElseGet(() -> standingOfMember(w, Optional.ofNullable(mine.get(w.id)))));
        }
        return standings;
    }

    /** A plain org member's standing: their workspace role, else viewer of an org-visible workspace, else none. */
    Standing standingOfMember(Workspace workspace, Optional<WorkspaceMember> membership) {
        if (membership.isPresent()) {
            return switch (membership.get().role) {
                case ADMIN -> Standing.ADMIN;
                case MEMBER -> Standing.MEMBER;
            };
        }
        return workspace.visibility == Visibility.ORG ? Standing.VIEWER : Standing.NONE;
    }

    /** Read: anyone who sees the workspace. */
    public Standing requireVisible(Workspace workspace) {
        Standing standing = standing(workspace);
        if (standing == Standing.NONE) {
            throw workspaceNotFound(workspace.id);
        }
        caller.requireScope(READ_SCOPE);
        return standing;
    }

    /** Act in the workspace (start a meeting, leave it): its members and admins; the org writable. */
    public Standing requireMember(Workspace workspace, String scope) {
        Standing standing = requireVisible(workspace);
        caller.requireScope(scope);
        if (!standing.atLeast(Standing.MEMBER)) {
            throw ProblemException.forbidden("Only members of the workspace may do this.");
        }
        requireWritable(workspace.orgId);
        return standing;
    }

    /** Change the workspace or its members: its admins, the org's owners and admins, system admins; the org writable. */
    public void requireAdmin(Workspace workspace) {
        Standing standing = requireVisible(workspace);
        caller.requireScope(WRITE_SCOPE);
        if (!standing.atLeast(Standing.ADMIN)) {
            throw ProblemException.forbidden("Only an admin of the workspace may do this.");
        }
        requireWritable(workspace.orgId);
    }

    private void requireWritable(UUID orgId) {
        orgStatus.requireWritable(orgId);
    }

    static ProblemException orgNotFound(UUID orgId) {
        return ProblemException.notFound("ORG_NOT_FOUND", "Organization not found",
                "No organization " + orgId + " is visible to the caller.");
    }

    static ProblemException workspaceNotFound(UUID workspaceId) {
        return ProblemException.notFound("WORKSPACE_NOT_FOUND", "Workspace not found",
                "No workspace " + workspaceId + " is visible to the caller.");
    }
}
