package io.cognita.org.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/** The level of AI meeting summaries. */
public enum AiSummaries {
    @JsonProperty("disabled") DISABLED,
    @JsonProperty("basic") BASIC,
    @JsonProperty("enhanced") ENHANCED;

    /** The value on the wire and in the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
