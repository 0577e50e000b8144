package io.cognita.meeting.repository;

import io.cognita.meeting.domain.Participant;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ParticipantRepository implements PanacheRepositoryBase<Participant, Participant.Key> {

    public Optional<Participant> of(UUID meetingId, String userId) {
        return findByIdOptional(new Participant.Key(meetingId, userId));
    }

    /** The participants of each meeting, in the order they joined. */
    public java.util.Map<UUID, List<Participant>> ofMeetings(java.util.Collection<UUID> meetingIds) {
        if (meetingIds.isEmpty()) {
            return java.util.Map.of();
        }
        return list("meetingId in ?1 order by joinedAt, userId", meetingIds).stream()
                .collect(java.util.stream.Collectors.groupingBy(p -> p.meetingId, java.util.LinkedHashMap::new,
                        java.util.stream.Collectors.toList()));
    }

    public List<Participant> ofMeeting(UUID meetingId) {
        return list("meetingId = ?1 order by joinedAt, userId", meetingId);
    }
}
