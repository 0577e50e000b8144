package io.cognita.org.service;

import io.cognita.org.domain.OrgMember;
import io.cognita.org.domain.OrgRole;
import io.cognita.org.repository.OrgMemberRepository;
import io.cognita.platform.auth.Caller;
import io.cognita.platform.orgstatus.OrgStatusView;
import io.cognita.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may do what to an organization, decided from org-service's own memberships (never from roles
 * in an old token). An organization the caller cannot see is "not found", never "forbidden".
 */
@ApplicationScoped
public class OrgAccess {

    static final String PROVISION_SCOPE = "org:provision";
    static final String WRITE_SCOPE = "org:write";

    private final Caller caller;
    private final OrgMemberRepository members;
    private final OrgStatusView orgStatus;

    public OrgAccess(Caller caller, OrgMemberRepository members, OrgStatusView orgStatus) {
        this.caller = caller;
        this.members = members;
        this.orgStatus = orgStatus;
    }

    /** Members may not change a suspended org (403 ORG_SUSPENDED, from the event-fed view); system admins may. */
    public void requireWritable(UUID orgId) {
        if (!caller.isSystemAdmin()) {
            orgStatus.requireWritable(orgId);
        }
    }

    /** Suspend, resume: system:admin only. */
    public void requireSystemAdmin() {
        caller.id();
        if (!caller.isSystemAdmin()) {
            throw ProblemException.forbidden("Only a system administrator may do this.");
        }
    }

    /** Delete: the org's owner or a system admin. */
    public void requireOwner(UUID orgId) {
        caller.id();
        if (caller.isSystemAdmin()) {
            return;
        }
        OrgMember member = membership(orgId).orElseThrow(() -> notFound(orgId));
        if (member.role != OrgRole.OWNER) {
            throw ProblemException.forbidden("Only the owner of the organization may do this.");
        }
    }

    /** Create: system:admin or an enterprise provisioning token. */
    public void requireProvisioner() {
        caller.id();
        if (!caller.isSystemAdmin() && !caller.hasScope(PROVISION_SCOPE)) {
            throw ProblemException.forbidden("Creating an organization needs system:admin or an org:provision token.");
        }
    }

    /** Read: a member of the organization or a system admin. */
    public void requireVisible(UUID orgId) {
        caller.id();
        if (!caller.isSystemAdmin() && membership(orgId).isEmpty()) {
            throw notFound(orgId);
        }
    }

    /** Full replace: system:admin, or org:write and an owner or admin of the organization. */
    public void requireAdministrator(UUID orgId) {
        caller.id();
        if (caller.isSystemAdmin()) {
            return;
        }
        OrgMember member = membership(orgId).orElseThrow(() -> notFound(orgId));
        if (!member.canAdminister()) {
            throw ProblemException.forbidden("Only an owner or admin of the organization may do this.");
        }
        if (!caller.hasScope(WRITE_SCOPE)) {
            throw ProblemException.forbidden("The token lacks the scope " + WRITE_SCOPE + ".");
        }
    }

    /** Whose organizations a listing shows: null for all (system admin), else the caller's. */
    public String listingScope() {
        return caller.isSystemAdmin() ? null : caller.id();
    }

    public String actor() {
        return caller.id();
    }

    private Optional<OrgMember> membership(UUID orgId) {
        return members.membership(orgId, caller.id());
    }

    static ProblemException notFound(UUID orgId) {
        return ProblemException.notFound("ORG_NOT_FOUND", "Organization not found",
                "No organization " + orgId + " is visible to the caller.");
    }
}
