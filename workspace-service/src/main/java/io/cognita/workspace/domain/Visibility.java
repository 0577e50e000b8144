package io.cognita.workspace.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who sees a workspace: every member of its org, or its own members only (and the org's admins). */
public enum Visibility {
    @JsonProperty("org") ORG,
    @JsonProperty("private") PRIVATE;

    public String wire() {
        return name().toLowerCase();
    }
}
