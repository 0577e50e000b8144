package io.cognita.meeting.service;

import io.cognita.meeting.domain.Meeting;
import io.cognita.meeting.domain.MeetingStatus;
import io.cognita.meeting.domain.Participant;
import io.cognita.meeting.domain.ParticipantRole;
import io.cognita.meeting.repository.MeetingRepository;
import io.cognita.meeting.repository.ParticipantRepository;
import io.cognita.meeting.repository.UploadRepository;
import io.cognita.platform.access.Standing;
import io.cognita.platform.api.Page;
import io.cognita.platform.paging.PageRequest;
import io.cognita.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Meetings: open (for workspace-service), read, list, join, leave, end. */
@ApplicationScoped
public class MeetingService {

    private final MeetingRepository meetings;
    private final ParticipantRepository participants;
    private final UploadRepository uploads;
    private final MeetingAccess access;
    private final MeetingEvents events;
    private final Clock clock;
    private final String liveUrl;

    public MeetingService(MeetingRepository meetings, ParticipantRepository participants, UploadRepository uploads,
                          MeetingAccess access, MeetingEvents events, Clock clock,
                          @ConfigProperty(name = "cognita.meeting.live-url") String liveUrl) {
        this.meetings = meetings;
        this.participants = participants;
        this.uploads = uploads;
        this.access = access;
        this.events = events;
        this.clock = clock;
        this.liveUrl = liveUrl;
    }

    /** A meeting in a workspace, hosted by the caller: live at once, or scheduled when planned for later. */
    @Transactional
    public MeetingView open(UUID workspaceId, UUID orgId, String title, Instant scheduledFor) {
        access.requireMayOpen(workspaceId, orgId);
        Meeting m = Meeting.open(workspaceId, orgId, title,
                scheduledFor == null ? null : scheduledFor.truncatedTo(ChronoUnit.SECONDS), access.actor(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        m.startedAt = m.startedAt == null ? null : m.startedAt.truncatedTo(ChronoUnit.SECONDS);
        meetings.persist(m);
        if (m.status == MeetingStatus.LIVE) {
            events.started(m);
        }
        return view(m);
    }

    @Transactional
    public MeetingView get(UUID meetingId) {
        Meeting m = find(meetingId);
        access.requireVisible(m);
        return view(m);
    }

    /** The workspace's meetings, newest first. */
    @Transactional
    public Page<MeetingView> list(UUID workspaceId, PageRequest page) {
        access.requireWorkspaceVisible(workspaceId);
        List<Meeting> rows = meetings.page(workspaceId, page.instantAfter(0), page.uuidAfter(1), page.limit() + 1);
        boolean more = rows.size() > page.limit();
        List<Meeting> items = more ? rows.subList(0, page.limit()) : rows;
        Meeting last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new Page<>(views(items), page.limit(),
                more ? PageRequest.cursor(last.createdAt.toString(), last.id.toString()) : null);
    }

    /**
     * Records the caller as a participant with their consent answer (a rejoin keeps an earlier answer unless a new
     * one is given). The host or a workspace admin joining a scheduled meeting starts it; anyone else waits.
     */
    @Transactional
    public MeetingView.ParticipantView join(UUID meetingId, Boolean recordingConsent) {
        Meeting m = locked(meetingId);
        Standing standing = access.requireParticipant(m);
        String me = access.actor();
        if (m.status == MeetingStatus.SCHEDULED) {
            if (standing != Standing.ADMIN && !me.equals(m.hostUserId)) {
                throw invalidState("The meeting has not started yet; the host starts it by joining.");
            }
            m.start(now());
            events.started(m);
        } else if (m.status == MeetingStatus.ENDED) {
            throw invalidState("The meeting has ended.");
        }
        Optional<Participant> earlier = participants.of(m.id, me);
        Participant p = earlier.orElseGet(Participant::new);
        if (earlier.isEmpty()) {
            p.meetingId = m.id;
            p.userId = me;
            p.role = me.equals(m.hostUserId) ? ParticipantRole.HOST : ParticipantRole.PARTICIPANT;
            p.joinedAt = now();
            participants.persist(p);
        }
        p.leftAt = null;
        if (recordingConsent != null) {
            p.recordingConsent = recordingConsent;
        }
        events.participantJoined(m, p);
        return MeetingView.ParticipantView.of(p);
    }

    @Transactional
    public MeetingView.ParticipantView leave(UUID meetingId) {
        Meeting m = find(meetingId);
        access.requireParticipant(m);
        Participant p = participants.of(m.id, access.actor()).filter(x -> x.leftAt == null)
                .orElseThrow(() -> ProblemException.conflict("NOT_IN_MEETING", "Not in the meeting",
                        "The caller has not joined this meeting (or has left it)."));
        p.leftAt = now();
        return MeetingView.ParticipantView.of(p);
    }

    /** live → ended, by the host or a workspace admin; everyone still in the meeting leaves with it. */
    @Transactional
    public MeetingView end(UUID meetingId) {
        Meeting m = locked(meetingId);
        access.requireHostOrAdmin(m);
        Instant now = now();
        if (!m.end(now)) {
            throw invalidState("Only a live meeting can be ended; this one is " + m.status.name().toLowerCase() + ".");
        }
        participants.ofMeeting(m.id).stream().filter(p -> p.leftAt == null).forEach(p -> p.leftAt = now);
        events.ended(m);
        return view(m);
    }

    Meeting find(UUID meetingId) {
        access.actor();
        return meetings.findByIdOptional(meetingId).orElseThrow(() -> MeetingAccess.meetingNotFound(meetingId));
    }

    Meeting locked(UUID meetingId) {
        access.actor();
        return meetings.locked(meetingId).orElseThrow(() -> MeetingAccess.meetingNotFound(meetingId));
    }

    MeetingView view(Meeting m) {
        return views(List.of(m)).get(0);
    }

    /** The meetings' views with their participants, recordings and open uploads read in one query each. */
    List<MeetingView> views(List<Meeting> page) {
        List<UUID> ids = page.stream().map(m -> m.id).toList();
        var byMeeting = participants.ofMeetings(ids);
        var recordings = uploads.recordingsOf(ids);
        var uploading = uploads.withOpenUploads(ids);
        return page.stream().map(m -> MeetingView.of(m, byMeeting.getOrDefault(m.id, List.of()),
                recordings.getOrDefault(m.id, List.of()), uploading.contains(m.id), liveUrl)).toList();
    }

    static ProblemException invalidState(String detail) {
        return new ProblemException(422, "INVALID_MEETING_STATE", "Invalid meeting state", detail);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
