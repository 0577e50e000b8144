package io.cognita.transcription.service;

import io.cognita.platform.access.Standing;
import io.cognita.platform.access.WorkspaceStanding;
import io.cognita.platform.auth.Caller;
import io.cognita.platform.orgstatus.OrgStatusView;
import io.cognita.platform.problem.ProblemException;
import io.cognita.transcription.domain.KnownMeeting;
import io.cognita.transcription.domain.Transcript;
import io.cognita.transcription.repository.MeetingDirectory;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Who may read transcripts and join live transcription, from this service's event-fed views (org memberships and
 * status, workspaces and members, meetings and their participants). A transcript is visible to whoever sees its
 * meeting's workspace, and to the meeting's participants while they remain members of that workspace; what is not
 * visible is 404 before any scope check. A system admin reads and writes nothing here but reads (VIEWER).
 */
@ApplicationScoped
public class TranscriptAccess {

    static final String READ_SCOPE = "transcript:read";
    static final String WRITE_SCOPE = "transcript:write";

    private final Caller caller;
    private final WorkspaceStanding workspaceStanding;
    private final MeetingDirectory meetings;
    private final OrgStatusView orgStatus;

    public TranscriptAccess(Caller caller, WorkspaceStanding workspaceStanding, MeetingDirectory meetings, OrgStatusView orgStatus) {
        this.caller = caller;
        this.workspaceStanding = workspaceStanding;
        this.meetings = meetings;
        this.orgStatus = orgStatus;
    }

    public String actor() {
        return caller.id();
    }

    Standing standing(UUID meetingId, UUID workspaceId, UUID orgId) {
        return workspaceStanding.of(workspaceId, orgId).orElseGet(() -> meetings.joined(meetingId, caller.id()) ? Standing.MEMBER : Standing.NONE);
    }

    public Standing requireReadable(Transcript t) {
        Standing standing = standing(t.meetingId(), t.workspaceId(), t.orgId());
        if (standing == Standing.NONE) {
            throw transcriptNotFound(t.id());
        }
        caller.requireScope(READ_SCOPE);
        return standing;
    }

    /** Ask for a translation: a member of the workspace (or participant), transcript:write, the org writable. */
    public void requireMayTranslate(Transcript t) {
        Standing standing = requireReadable(t);
        caller.requireScope(WRITE_SCOPE);
        if (!standing.atLeast(Standing.MEMBER)) {
            throw ProblemException.forbidden("Only members of the meeting's workspace may ask for translations.");
        }
        orgStatus.requireWritable(t.orgId());
    }

    public void requireMeetingReadable(KnownMeeting m) {
        if (standing(m.meetingId(), m.workspaceId(), m.orgId()) == Standing.NONE) {
            throw meetingNotFound(m.meetingId());
        }
        caller.requireScope(READ_SCOPE);
    }

    static ProblemException transcriptNotFound(UUID id) {
        return ProblemException.notFound("TRANSCRIPT_NOT_FOUND", "Transcript not found", "No transcript " + id + " is visible to the caller.");
    }

    static ProblemException meetingNotFound(UUID id) {
        return ProblemException.notFound("MEETING_NOT_FOUND", "Meeting not found", "No meeting " + id + " is visible to the caller.");
    }
}
