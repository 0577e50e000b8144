package io.cognita.meeting.service;

import io.cognita.meeting.repository.MeetingRepository;
import io.cognita.platform.workspaceview.WorkspaceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** What other services' events change here: the workspace view, and a meeting's transcript state. */
@ApplicationScoped
public class WorkspaceEffects {

    private final WorkspaceDirectory workspaces;
    private final MeetingHousekeeping housekeeping;
    private final MeetingRepository meetings;

    public WorkspaceEffects(WorkspaceDirectory workspaces, MeetingHousekeeping housekeeping, MeetingRepository meetings) {
        this.workspaces = workspaces;
        this.housekeeping = housekeeping;
        this.meetings = meetings;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void workspace(UUID workspaceId, UUID orgId, String visibility) {
        workspaces.upsertWorkspace(workspaceId, orgId, visibility);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void workspaceDeleted(UUID workspaceId) {
        housekeeping.workspaceDeleted(workspaceId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void member(UUID workspaceId, String userId, String role) {
        workspaces.upsertMember(workspaceId, userId, role);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void memberRemoved(UUID workspaceId, String userId) {
        workspaces.removeMember(workspaceId, userId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void transcriptState(UUID meetingId, String state) {
        meetings.findByIdOptional(meetingId).ifPresent(m -> m.transcriptState = state);
    }
}
