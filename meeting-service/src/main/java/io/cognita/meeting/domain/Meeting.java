package io.cognita.meeting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "meetings")
public class Meeting {

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Column(name = "org_id", nullable = false)
    public UUID orgId;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MeetingStatus status;

    @Column(name = "scheduled_for")
    public Instant scheduledFor;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "host_user_id", nullable = false)
    public String hostUserId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** none, processing, available, failed: fed by transcription-service's events. */
    @Column(name = "transcript_state", nullable = false)
    public String transcriptState;

    @Version
    public int version;

    /** A meeting planned for later is scheduled; one without a time (or with a time already come) is live at once. */
    public static Meeting open(UUID workspaceId, UUID orgId, String title, Instant scheduledFor, String host, Instant now) {
        Meeting m = new Meeting();
        m.id = UUID.randomUUID();
        m.workspaceId = workspaceId;
        m.orgId = orgId;
        m.title = title;
        m.scheduledFor = scheduledFor;
        m.hostUserId = host;
        m.createdAt = now;
        m.transcriptState = "none";
        if (scheduledFor != null && scheduledFor.isAfter(now)) {
            m.status = MeetingStatus.SCHEDULED;
        } else {
            m.status = MeetingStatus.LIVE;
            m.startedAt = now;
        }
        return m;
    }

    /** scheduled → live; false when the meeting is not scheduled. */
    public boolean start(Instant now) {
        if (status != MeetingStatus.SCHEDULED) {
            return false;
        }
        status = MeetingStatus.LIVE;
        startedAt = now;
        return true;
    }

    /** live → ended; false when the meeting is not live. */
    public boolean end(Instant now) {
        if (status != MeetingStatus.LIVE) {
            return false;
        }
        status = MeetingStatus.ENDED;
        endedAt = now;
        return true;
    }
}
