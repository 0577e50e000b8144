package io.cognita.platform.access;

import io.cognita.platform.auth.Caller;
import io.cognita.platform.orgstatus.OrgStatusView;
import io.cognita.platform.orgview.OrgRole;
import io.cognita.platform.orgview.OrgView;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/**
 * What the caller's place in an organization alone decides about anything inside it (a workspace, a meeting),
 * from the service's event-fed views: nothing in a deleted org or one the caller is not in; read-only for a
 * system admin outside the org; admin for the org's owners and admins. A plain member's standing is for the
 * workspace to decide ({@link #of} is empty then).
 */
@ApplicationScoped
public class OrgStanding {

    private final Caller caller;
    private final OrgView orgs;
    private final OrgStatusView orgStatus;

    public OrgStanding(Caller caller, OrgView orgs, OrgStatusView orgStatus) {
        this.caller = caller;
        this.orgs = orgs;
        this.orgStatus = orgStatus;
    }

    public Optional<Standing> of(UUID orgId) {
        return of(orgId, caller.id(), caller.isSystemAdmin());
    }

    /** The same for a user other than the request's caller (a WebSocket session's, say). */
    public Optional<Standing> of(UUID orgId, String userId, boolean systemAdmin) {
        if (orgStatus.status(orgId) == OrgStatusView.Status.DELETED) {
            return Optional.of(Standing.NONE);
        }
        Optional<OrgRole> role = orgs.role(orgId, userId);
        if (role.isEmpty()) {
            return Optional.of(systemAdmin ? Standing.VIEWER : Standing.NONE);
        }
        return role.get().administers() ? Optional.of(Standing.ADMIN) : Optional.empty();
    }
}
