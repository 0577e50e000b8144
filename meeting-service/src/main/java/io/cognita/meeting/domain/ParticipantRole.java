package io.cognita.meeting.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum ParticipantRole {
    @JsonProperty("host") HOST,
    @JsonProperty("participant") PARTICIPANT
}
