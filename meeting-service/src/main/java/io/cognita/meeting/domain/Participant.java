package io.cognita.meeting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "participants")
@IdClass(Participant.Key.class)
public class Participant {

    @Id
    @Column(name = "meeting_id")
    public UUID meetingId;

    @Id
    @Column(name = "user_id")
    public String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ParticipantRole role;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    @Column(name = "left_at")
    public Instant leftAt;

    /** The participant's answer to recording: yes, no, or not asked (null). */
    @Column(name = "recording_consent")
    public Boolean recordingConsent;

    public record Key(UUID meetingId, String userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
