package io.cognita.transcription.repository;

import io.cognita.transcription.domain.KnownMeeting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** transcription-service's view of meetings and who joined them, fed by cognita.meeting. */
@ApplicationScoped
public class MeetingDirectory {

    private final EntityManager em;

    public MeetingDirectory(EntityManager em) {
        this.em = em;
    }

    public Optional<KnownMeeting> meeting(UUID meetingId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT workspace_id, org_id, host_user_id, status FROM meeting_view WHERE meeting_id = :m")
                .setParameter("m", meetingId).getResultList();
        return rows.stream().findFirst().map(r -> new KnownMeeting(meetingId, (UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3]));
    }

    public boolean joined(UUID meetingId, String userId) {
        return !em.createNativeQuery("SELECT 1 FROM meeting_participant_view WHERE meeting_id = :m AND user_id = :u")
                .setParameter("m", meetingId).setParameter("u", userId).getResultList().isEmpty();
    }

    /** Records the meeting; an ended meeting never becomes live again (events of one meeting arrive in order). */
    public void upsert(UUID meetingId, UUID workspaceId, UUID orgId, String hostUserId, String status) {
        em.createNativeQuery("INSERT INTO meeting_view (meeting_id, workspace_id, org_id, host_user_id, status) "
                        + "VALUES (:m, :w, :o, :h, :s) ON CONFLICT (meeting_id) DO UPDATE SET status = CASE "
                        + "WHEN meeting_view.status = 'ended' THEN 'ended' ELSE EXCLUDED.status END, updated_at = now()")
                .setParameter("m", meetingId).setParameter("w", workspaceId).setParameter("o", orgId)
                .setParameter("h", hostUserId).setParameter("s", status).executeUpdate();
    }

    public void participant(UUID meetingId, String userId) {
        em.createNativeQuery("INSERT INTO meeting_participant_view (meeting_id, user_id) VALUES (:m, :u) ON CONFLICT DO NOTHING")
                .setParameter("m", meetingId).setParameter("u", userId).executeUpdate();
    }

    public List<UUID> meetingsOfWorkspace(UUID workspaceId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT meeting_id FROM meeting_view WHERE workspace_id = :w")
                .setParameter("w", workspaceId).getResultList();
        return ids;
    }

    public void forgetWorkspace(UUID workspaceId) {
        em.createNativeQuery("DELETE FROM meeting_view WHERE workspace_id = :w").setParameter("w", workspaceId).executeUpdate();
    }

    public void forgetOrg(UUID orgId) {
        em.createNativeQuery("DELETE FROM meeting_view WHERE org_id = :o").setParameter("o", orgId).executeUpdate();
    }
}
