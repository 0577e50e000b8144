package io.cognita.meeting.service;

import io.cognita.meeting.domain.Meeting;
import io.cognita.platform.workspaceview.WorkspaceDirectory;
import io.cognita.platform.access.WorkspaceStanding;
import io.cognita.platform.access.Standing;
import io.cognita.platform.auth.Caller;
import io.cognita.platform.orgstatus.OrgStatusView;
import io.cognita.platform.orgview.OrgView;
import io.cognita.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Who may see and act on meetings, from meeting-service's own event-fed views: org memberships, roles and status
 * (cognita.org) and workspaces with their members (cognita.workspace). A meeting's host counts as a member of it
 * while this service has not heard of the workspace yet (the workspace events are on their way); once it has, the
 * host's standing is their workspace role like anyone's. A system admin (the platform operator) reads meetings
 * and acts in none. What the caller cannot see is 404, checked before any scope (403), so that no answer tells
 * another tenant's ids from missing ones.
 */
@ApplicationScoped
public class MeetingAccess {

    static final String READ_SCOPE = "meeting:read";
    static final String WRITE_SCOPE = "meeting:write";

    private final Caller caller;
    private final OrgView orgs;
    private final OrgStatusView orgStatus;
    private final WorkspaceDirectory workspaces;
    private final WorkspaceStanding workspaceStanding;

    public MeetingAccess(Caller caller, OrgView orgs, OrgStatusView orgStatus, WorkspaceDirectory workspaces,
                         WorkspaceStanding workspaceStanding) {
        this.workspaceStanding = workspaceStanding;
        this.caller = caller;
        this.orgs = orgs;
        this.orgStatus = orgStatus;
        this.workspaces = workspaces;
    }

    public String actor() {
        return caller.id();
    }

    Standing standing(UUID workspaceId, UUID orgId, String host) {
        return workspaceStanding.of(workspaceId, orgId)
                .orElseGet(() -> caller.id().equals(host) ? Standing.MEMBER : Standing.NONE);
    }

    /** Read a meeting: anyone who sees its workspace. */
    public Standing requireVisible(Meeting meeting) {
        Standing standing = standing(meeting.workspaceId, meeting.orgId, meeting.hostUserId);
        if (standing == Standing.NONE) {
            throw meetingNotFound(meeting.id);
        }
        caller.requireScope(READ_SCOPE);
        return standing;
    }

    /** Join, leave: members of the workspace (and the host); the org writable. */
    public Standing requireParticipant(Meeting meeting) {
        Standing standing = requireVisible(meeting);
        caller.requireScope(WRITE_SCOPE);
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
        var workspace = workspaces.workspace(workspaceId).orElseThrow(() -> workspaceNotFound(workspaceId));
        if (standing(workspaceId, workspace.orgId(), null) == Standing.NONE) {
            throw workspaceNotFound(workspaceId);
        }
        caller.requireScope(READ_SCOPE);
    }

    /**
     * Open a meeting on workspace-service's behalf (an internal call: it authorized the caller against its own
     * data). The caller must belong to the org here too, and where this service already knows the workspace, be
     * a member of it.
     */
    public void requireMayOpen(UUID workspaceId, UUID orgId) {
        var known = workspaces.workspace(workspaceId);
        boolean inOrg = orgs.role(orgId, caller.id()).isPresent();
        if (!inOrg || orgStatus.status(orgId) == OrgStatusView.Status.DELETED || known.isPresent()
                && (!known.get().orgId().equals(orgId) || !standing(workspaceId, orgId, null).atLeast(Standing.MEMBER))) {
            throw workspaceNotFound(workspaceId);
        }
        caller.requireScope(WRITE_SCOPE);
        requireWritable(orgId);
    }

    private void requireWritable(UUID orgId) {
        orgStatus.requireWritable(orgId);
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
