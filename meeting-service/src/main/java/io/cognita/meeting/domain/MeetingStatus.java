package io.cognita.meeting.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** scheduled → live → ended; no other transition. */
public enum MeetingStatus {
    @JsonProperty("scheduled") SCHEDULED,
    @JsonProperty("live") LIVE,
    @JsonProperty("ended") ENDED
}
