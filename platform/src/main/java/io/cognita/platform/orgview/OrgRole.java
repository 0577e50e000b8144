package io.cognita.platform.orgview;

/** A member's role in an organization, as org-service announces it (wire form lower case). */
public enum OrgRole {
    OWNER, ADMIN, MEMBER;

    public String wire() {
        return name().toLowerCase();
    }

    public static OrgRole fromWire(String wire) {
        return valueOf(wire.toUpperCase());
    }

    /** Owners and admins administer the org, and are implicitly admins of its workspaces. */
    public boolean administers() {
        return this != MEMBER;
    }
}
