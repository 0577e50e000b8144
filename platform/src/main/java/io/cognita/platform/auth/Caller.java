package io.cognita.platform.auth;

import io.cognita.platform.problem.ProblemException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, from the verified access token: subject, platform roles (groups) and scopes. A token of
 * an ended session ({@link RevokedSessions}) is refused with 401 SESSION_REVOKED.
 */
@RequestScoped
public class Caller {

    public static final String SYSTEM_ADMIN = "system:admin";

    private final JsonWebToken token;
    private final RevokedSessions revoked;
    private Boolean sessionLive;

    public Caller(JsonWebToken token, RevokedSessions revoked) {
        this.token = token;
        this.revoked = revoked;
    }

    public boolean isAuthenticated() {
        return token != null && token.getSubject() != null;
    }

    /** The subject; throws 401 for an anonymous caller or a token of an ended session. */
    public String id() {
        if (!isAuthenticated()) {
            throw new UnauthorizedException();
        }
        if (!sessionLive()) {
            throw new ProblemException(401, "SESSION_REVOKED", "Session ended",
                    "This token's session has ended (signed out, password reset or token revoked); sign in again.");
        }
        return token.getSubject();
    }

    private boolean sessionLive() {
        if (sessionLive == null) {
            Object sid = token.getClaim("sid");
            sessionLive = !revoked.isRevoked(sid == null ? null : sid.toString());
        }
        return sessionLive;
    }

    public boolean isSystemAdmin() {
        return isAuthenticated() && sessionLive() && token.getGroups().contains(SYSTEM_ADMIN);
    }

    public Set<String> scopes() {
        if (!isAuthenticated() || !sessionLive()) {
            return Set.of();
        }
        Object scope = token.getClaim("scope");
        return scope == null ? Set.of() : Arrays.stream(scope.toString().split(" "))
                .filter(s -> !s.isBlank()).collect(Collectors.toUnmodifiableSet());
    }

    public boolean hasScope(String scope) {
        return scopes().contains(scope);
    }

    /** 403 unless the token carries {@code scope}. */
    public void requireScope(String scope) {
        id();
        if (!hasScope(scope)) {
            throw ProblemException.forbidden("The token lacks the scope " + scope + ".");
        }
    }
}
