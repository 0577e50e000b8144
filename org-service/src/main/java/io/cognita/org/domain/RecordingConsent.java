package io.cognita.org.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/** Whether participants must consent to recording. */
public enum RecordingConsent {
    @JsonProperty("required") REQUIRED,
    @JsonProperty("optional") OPTIONAL,
    @JsonProperty("disabled") DISABLED;

    /** The value on the wire and in the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
