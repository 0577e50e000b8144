package io.cognita.transcription.service;

import io.cognita.platform.access.Standing;
import io.cognita.platform.access.WorkspaceStanding;
import io.cognita.platform.orgstatus.OrgStatusView;
import io.cognita.transcription.domain.KnownMeeting;
import io.cognita.transcription.domain.LanguagePair;
import io.cognita.transcription.domain.Translator;
import io.cognita.transcription.repository.MeetingDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may open a live-transcription socket: a participant (joined, or the host) of a live meeting who still belongs
 * to its workspace, from this service's event-fed views. Answers with the error code the socket sends, never an
 * exception. Also decides whether a listener's {@code lang=} can be served.
 */
@ApplicationScoped
public class LiveAccess {

    /** The decision: the meeting when allowed, else the error code and its reason. */
    public record Decision(KnownMeeting meeting, String code, String reason) {
        public boolean allowed() {
            return code == null;
        }
    }

    private final MeetingDirectory meetings;
    private final WorkspaceStanding workspaceStanding;
    private final TranslationEntitlements entitlements;
    private final Translator translator;
    private final OrgStatusView orgStatus;

    public LiveAccess(MeetingDirectory meetings, WorkspaceStanding workspaceStanding, TranslationEntitlements entitlements,
                      Translator translator, OrgStatusView orgStatus) {
        this.orgStatus = orgStatus;
        this.meetings = meetings;
        this.workspaceStanding = workspaceStanding;
        this.entitlements = entitlements;
        this.translator = translator;
    }

    @Transactional
    public Decision decide(UUID meetingId, String userId, boolean systemAdmin, boolean wantsWrite) {
        Optional<KnownMeeting> known = meetings.meeting(meetingId);
        if (known.isEmpty()) {
            return new Decision(null, "MEETING_NOT_FOUND", "No meeting " + meetingId + " is visible to the caller.");
        }
        KnownMeeting m = known.get();
        boolean participant = meetings.joined(meetingId, userId) || userId.equals(m.hostUserId());
        Standing standing = workspaceStanding.of(m.workspaceId(), m.orgId(), userId, systemAdmin)
                .orElse(participant ? Standing.MEMBER : Standing.NONE);
        if (standing == Standing.NONE) {
            return new Decision(null, "MEETING_NOT_FOUND", "No meeting " + meetingId + " is visible to the caller.");
        }
        if (!participant || !standing.atLeast(Standing.MEMBER)) {
            return new Decision(null, "NOT_A_PARTICIPANT", "Only participants of the meeting (who joined it) take part in its live transcription.");
        }
        if (!m.isLive()) {
            return new Decision(null, "MEETING_NOT_LIVE", "The meeting is " + m.status() + "; live transcription is open while it is live.");
        }
        if (wantsWrite && orgStatus.status(m.orgId()) != OrgStatusView.Status.ACTIVE) {
            return new Decision(null, "ORG_SUSPENDED", "The organization is suspended: its meetings are read-only.");
        }
        return new Decision(m, null, null);
    }

    /** Null when live translation into {@code lang} is possible for the org, else the condition that fails. */
    public String translationRefusal(UUID orgId, String sourceLanguage, String lang) {
        String refusal = entitlements.liveTranslationRefusal(orgId);
        if (refusal == null && !translator.pairs().contains(LanguagePair.of(sourceLanguage, lang))) {
            refusal = "the translation engine (" + translator.name() + ") has no pair " + LanguagePair.of(sourceLanguage, lang);
        }
        return refusal;
    }
}
