package io.cognita.meeting.service;

import io.cognita.meeting.domain.Meeting;
import io.cognita.meeting.repository.WorkspaceDirectory;
import io.cognita.platform.access.Standing;
import io.cognita.platform.auth.Caller;
import io.cognita.platform.orgstatus.OrgStatusView;
import io.cognita.platform.orgview.OrgRole;
import io.cognita.platform.orgview.OrgView;
import io.cognita.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may see and act on meetings, from meeting-service's own event-fed views: org memberships, roles and status
 * (cognita.org) and workspaces with their members (cognita.workspace). A meeting's host always counts as a member
 * of it, so the host is not locked out while a workspace event is still on its way.
 */
@ApplicationScoped
public class MeetingAccess {

    static final String READ_SCOPE = "meeting:read";
    static final String WRITE_SCOPE = "meeting:write";

    private final Caller caller;
    private final OrgView orgs;
    private final OrgStatusView orgStatus;
    private final WorkspaceDirectory workspaces;

    public MeetingAccess(Caller caller, OrgView orgs, OrgStatusView orgStatus, WorkspaceDirectory workspaces) {
        this.caller = caller;
        this.orgs = orgs;
        this.orgStatus = orgStatus;
        this.workspaces = workspaces;
    }

    public String actor() {
        return caller.id();
    }

    Standing standing(UUID workspaceId, UUID orgId, String host) {
        if (orgStatus.status(orgId) == OrgStatusView.Status.DELETED) {
            return Standing.NONE;
        }
        if (caller.isSystemAdmin()) {
            return Standing.ADMIN;
        }
        String me = caller.id();
        Optional<OrgRole> orgRole = orgs.role(orgId, me);
        if (orgRole.isEmpty()) {
            return Standing.NONE;
        }
        if (orgRole.get().administers()) {
            return Standing.ADMIN;
        }
        Optional<String> role = workspaces.role(workspaceId, me);
        if (role.isPresent()) {
            return "admin".equals(role.get()) ? Standing.ADMIN : Standing.MEMBER;
        }
        if (me.equals(host)) {
            return Standing.MEMBER;
        }
        return workspaces.workspace(workspaceId).filter(w -> "org".equals(w.visibility())).isPresent()
                ? Standing.VIEWER : Standing.NONE;
    }

    /** Read a meeting: anyone who sees its workspace. */
    public Standing requireVisible(Meeting meeting) {
        caller.requireScope(READ_SCOPE);
        Standing standing = standing(meeting.workspaceId, meeting.orgId, meeting.hostUserId);
        if (standing == Standing.NONE) {
            throw meetingNotFound(meeting.id);
        }
        return standing;
    }

    /** Join, leave: members of the workspace (and the host); the org writable. */
    public Standing requireParticipant(Meeting meeting) {
        caller.requireScope(WRITE_SCOPE);
        Standing standing = requireVisible(meeting);
        if (!standing.atLeast(Standing.MEMBER)) {
            throw ProblemException.forbidden("Only members of the meeting's workspace may take part.");
        }
        requireWritable(meeting.orgId);
        return standing;
    }

    /** End, record: the host or an admin of the workspace; the org writable. */
    public void requireHostOrAdmin(Meeting meeting) {
        Standing standing = requireParticipant(meeting);
        if (standing != Standing.ADMIN && !caller.id().equals(meeting.hostUserId)) {
            throw ProblemException.forbidden("Only the meeting's host or an admin of its workspace may do this.");
        }
    }

    /** List a workspace's meetings: anyone who sees the workspace. */
    public void requireWorkspaceVisible(UUID workspaceId) {
        caller.requireScope(READ_SCOPE);
        var workspace = workspaces.workspace(workspaceId).orElseThrow(() -> workspaceNotFound(workspaceId));
        if (standing(workspaceId, workspace.orgId(), null) == Standing.NONE) {
            throw workspaceNotFound(workspaceId);
        }
    }

    /**
     * Open a meeting on workspace-service's behalf (it authorized the caller against its own data). Where this
     * service already knows the workspace, the caller must be a member here too.
     */
    public void requireMayOpen(UUID workspaceId, UUID orgId) {
        caller.requireScope(WRITE_SCOPE);
        var known = workspaces.workspace(workspaceId);
        if (known.isPresent() && (!known.get().orgId().equals(orgId)
                || !standing(workspaceId, orgId, null).atLeast(Standing.MEMBER))) {
            throw workspaceNotFound(workspaceId);
        }
        if (orgStatus.status(orgId) == OrgStatusView.Status.DELETED) {
            throw workspaceNotFound(workspaceId);
        }
        requireWritable(orgId);
    }

    private void requireWritable(UUID orgId) {
        if (!caller.isSystemAdmin()) {
            orgStatus.requireWritable(orgId);
        }
    }

    static ProblemException meetingNotFound(UUID meetingId) {
        return ProblemException.notFound("MEETING_NOT_FOUND", "Meeting not found",
                "No meeting " + meetingId + " is visible to the caller.");
    }

    static ProblemException workspaceNotFound(UUID workspaceId) {
        return ProblemException.notFound("WORKSPACE_NOT_FOUND", "Workspace not found",
                "No workspace " + workspaceId + " is visible to the caller.");
    }
}
