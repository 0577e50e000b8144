package io.cognita.transcription;

import io.cognita.platform.testing.TestTokens;
import io.cognita.transcription.domain.Transcript;
import io.cognita.transcription.repository.TranscriptRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.UUID;

/**
 * Orgs, workspaces and meetings as transcription-service knows them (its event-fed views written directly, for tests
 * that are not about the feeds), and transcripts with segments written through the repository.
 */
@ApplicationScoped
public class TranscriptionFixtures {

    /**
     * An org (translation on, a plan with two translation languages, realTimeTranslation on) with a private workspace (an admin, a host
     * and a member who joined, a member who did not), an org member outside the workspace, a live meeting.
     */
    public record Setup(UUID orgId, UUID workspaceId, UUID meetingId, String orgAdmin, String workspaceAdmin, String host,
                        String participant, String absentMember, String outsider) {
    }

    private final EntityManager em;
    private final TranscriptRepository transcripts;

    public TranscriptionFixtures(EntityManager em, TranscriptRepository transcripts) {
        this.em = em;
        this.transcripts = transcripts;
    }

    public Setup setup() {
        Setup s = new Setup(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), TestTokens.newUserId(), TestTokens.newUserId(),
                TestTokens.newUserId(), TestTokens.newUserId(), TestTokens.newUserId(), TestTokens.newUserId());
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO org_profiles (org_id, settings, retention, entitlements, feature_flags) VALUES (:o, "
                            + "CAST('{\"translationEnabled\":true}' AS jsonb), CAST('{\"transcripts\":\"indefinite\"}' AS jsonb), "
                            + "CAST('{\"translationLanguages\":2}' AS jsonb), CAST('{\"realTimeTranslation\":true}' AS jsonb))")
                    .setParameter("o", s.orgId()).executeUpdate();
            orgMember(s.orgId(), s.orgAdmin(), "admin");
            for (String u : new String[] {s.workspaceAdmin(), s.host(), s.participant(), s.absentMember(), s.outsider()}) {
                orgMember(s.orgId(), u, "member");
            }
            em.createNativeQuery("INSERT INTO workspace_view (workspace_id, org_id, visibility) VALUES (:w, :o, 'private')")
                    .setParameter("w", s.workspaceId()).setParameter("o", s.orgId()).executeUpdate();
            workspaceMember(s.workspaceId(), s.workspaceAdmin(), "admin");
            workspaceMember(s.workspaceId(), s.host(), "member");
            workspaceMember(s.workspaceId(), s.participant(), "member");
            workspaceMember(s.workspaceId(), s.absentMember(), "member");
            em.createNativeQuery("INSERT INTO meeting_view (meeting_id, workspace_id, org_id, host_user_id, status) "
                            + "VALUES (:m, :w, :o, :h, 'live')").setParameter("m", s.meetingId()).setParameter("w", s.workspaceId())
                    .setParameter("o", s.orgId()).setParameter("h", s.host()).executeUpdate();
            joined(s.meetingId(), s.host());
            joined(s.meetingId(), s.participant());
            joined(s.meetingId(), s.outsider());
        });
        return s;
    }

    /** Changes an org's view: settings, entitlements or feature_flags (a column) to the JSON given. */
    public void org(UUID orgId, String column, String json) {
        if (!column.matches("settings|entitlements|feature_flags|retention")) {
            throw new IllegalArgumentException(column);
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE org_profiles SET " + column + " = CAST(:j AS jsonb) "
                + "WHERE org_id = :o").setParameter("j", json).setParameter("o", orgId).executeUpdate());
    }

    public void orgStatus(UUID orgId, String status) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO org_status (org_id, status) VALUES (:o, :s) "
                + "ON CONFLICT (org_id) DO UPDATE SET status = EXCLUDED.status").setParameter("o", orgId)
                .setParameter("s", status).executeUpdate());
    }

    public void removeWorkspaceMember(UUID workspaceId, String userId) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM workspace_member_view WHERE workspace_id = :w "
                + "AND user_id = :u").setParameter("w", workspaceId).setParameter("u", userId).executeUpdate());
    }

    public void transcriptStatus(UUID transcriptId, String status) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE transcripts SET status = :s WHERE id = :t")
                .setParameter("s", status).setParameter("t", transcriptId).executeUpdate());
    }

    public void meetingStatus(UUID meetingId, String status) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE meeting_view SET status = :s WHERE meeting_id = :m")
                .setParameter("s", status).setParameter("m", meetingId).executeUpdate());
    }

    /** The meeting's live transcript with these finals (seq 1…), each 2 s long, spoken in turn by the speakers given. */
    public Transcript liveTranscript(Setup s, String[] speakers, String... texts) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Transcript t = transcripts.liveTranscript(s.meetingId(), s.workspaceId(), s.orgId(), "en-US", Instant.now());
            for (int i = 0; i < texts.length; i++) {
                String speaker = speakers[i % speakers.length];
                transcripts.append(t.id(), UUID.randomUUID(), speaker, "Speaker " + speaker.substring(2, 6), i * 2000L, i * 2000L + 1900,
                        texts[i], 0.9, "en-US", Instant.now());
            }
            return t;
        });
    }

    /** A live transcript whose meeting has ended (what translations are asked of). */
    public Transcript completedTranscript(Setup s, String[] speakers, String... texts) {
        Transcript t = liveTranscript(s, speakers, texts);
        transcriptStatus(t.id(), "completed");
        return t;
    }

    /** Moves a transcript's creation back in time (what retention looks at). */
    public void age(UUID transcriptId, java.time.Duration by) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE transcripts SET created_at = created_at - "
                + "CAST(:d AS interval) WHERE id = :t").setParameter("d", by.toSeconds() + " seconds").setParameter("t", transcriptId)
                .executeUpdate());
    }

    /** Marks the org deleted that long ago, as org.deleted does in the view. */
    public void orgDeleted(UUID orgId, java.time.Duration ago) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE org_profiles SET deleted_at = now() - "
                + "CAST(:d AS interval) WHERE org_id = :o").setParameter("d", ago.toSeconds() + " seconds").setParameter("o", orgId)
                .executeUpdate());
    }

    private void orgMember(UUID orgId, String userId, String role) {
        em.createNativeQuery("INSERT INTO org_memberships (org_id, user_id, role) VALUES (:o, :u, :r)")
                .setParameter("o", orgId).setParameter("u", userId).setParameter("r", role).executeUpdate();
    }

    private void workspaceMember(UUID workspaceId, String userId, String role) {
        em.createNativeQuery("INSERT INTO workspace_member_view (workspace_id, user_id, role) VALUES (:w, :u, :r)")
                .setParameter("w", workspaceId).setParameter("u", userId).setParameter("r", role).executeUpdate();
    }

    private void joined(UUID meetingId, String userId) {
        em.createNativeQuery("INSERT INTO meeting_participant_view (meeting_id, user_id) VALUES (:m, :u)")
                .setParameter("m", meetingId).setParameter("u", userId).executeUpdate();
    }
}
