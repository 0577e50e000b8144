package io.cognita.identity.rest;

import io.cognita.identity.domain.ProvisioningToken;
import io.cognita.identity.domain.Session;
import io.cognita.identity.domain.OrgMembership;
import io.cognita.identity.domain.PendingInvitation;
import io.cognita.identity.domain.User;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The response bodies of the Auth endpoints. */
public final class AuthViews {

    private AuthViews() {
    }

    public record Profile(String userId, String email, boolean emailVerified, String displayName, String locale,
                          String timezone, String avatarUrl, Set<String> roles, List<OrgMembership> memberships,
                          List<PendingInvitation> pendingInvitations, Instant createdAt) {
        static Profile of(User u, List<OrgMembership> memberships, List<PendingInvitation> pendingInvitations) {
            return new Profile(u.id, u.email, u.emailVerified, u.displayName, u.locale, u.timezone, u.avatarUrl,
                    u.systemAdmin ? Set.of("system:admin") : Set.of(), memberships,
                    u.emailVerified ? pendingInvitations : List.of(), u.createdAt);
        }
    }

    public record DeviceInfoView(String userAgent, String ip, String platform, String deviceName) {
    }

    public record SessionView(UUID sessionId, Instant createdAt, Instant lastSeenAt, DeviceInfoView device,
                              boolean current) {
        static SessionView of(Session s, UUID current) {
            return new SessionView(s.id, s.createdAt, s.lastSeenAt,
                    new DeviceInfoView(s.userAgent, s.ip, s.platform, s.deviceName), s.id.equals(current));
        }
    }

    public record ProvisioningTokenView(UUID id, String name, String scope, String createdBy, Instant createdAt,
                                        Instant expiresAt, Instant revokedAt, String token) {
        static ProvisioningTokenView of(ProvisioningToken t, String jwt) {
            return new ProvisioningTokenView(t.id, t.name, t.scope, t.createdBy, t.createdAt, t.expiresAt, t.revokedAt, jwt);
        }
    }
}
