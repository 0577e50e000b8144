package io.cognita.org.domain;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cognita.platform.validation.RetentionDuration;

/** RetentionPolicy: how long each kind of data is kept, as {@code "<N>d"} or {@code "indefinite"}. */
@JsonPropertyOrder({"transcripts", "recordings", "chatLogs", "userData", "examData"})
public record RetentionPolicy(@RetentionDuration String transcripts,
                              @RetentionDuration String recordings,
                              @RetentionDuration String chatLogs,
                              @RetentionDuration String userData,
                              @RetentionDuration String examData) {

    /** This policy with every duration that {@code given} sets replaced by its value. */
    public RetentionPolicy overlay(RetentionPolicy given) {
        if (given == null) {
            return this;
        }
        return new RetentionPolicy(
                OrgSettings.pick(given.transcripts, transcripts), OrgSettings.pick(given.recordings, recordings),
                OrgSettings.pick(given.chatLogs, chatLogs), OrgSettings.pick(given.userData, userData),
                OrgSettings.pick(given.examData, examData));
    }
}
