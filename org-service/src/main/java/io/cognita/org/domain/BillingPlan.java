package io.cognita.org.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The subscription plans of the catalog. */
public enum BillingPlan {
    @JsonProperty("free") FREE,
    @JsonProperty("pro") PRO,
    @JsonProperty("enterprise") ENTERPRISE,
    @JsonProperty("enterprise_edu") ENTERPRISE_EDU;

    /** The value on the wire and in the database. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
