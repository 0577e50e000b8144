package io.cognita.identity.service;

import io.cognita.platform.auth.Caller;
import io.cognita.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** The caller of a user endpoint, whose session must still be active (a revoked one is 401 at once). */
@RequestScoped
public class CurrentSession {

    private final Caller caller;
    private final JsonWebToken token;
    private final SessionService sessions;

    public CurrentSession(Caller caller, JsonWebToken token, SessionService sessions) {
        this.caller = caller;
        this.token = token;
        this.sessions = sessions;
    }

    /** The signed-in user's id; 401 for anonymous callers, provisioning tokens and revoked sessions. */
    public String userId() {
        String subject = caller.id();
        UUID sid = sessionId();
        if (!subject.startsWith("u-") || sid == null || !sessions.isActive(sid)) {
            throw new ProblemException(401, "UNAUTHORIZED", "Unauthorized", "The session has ended; sign in again.");
        }
        return subject;
    }

    public UUID sessionId() {
        Object sid = token.getClaim("sid");
        try {
            return sid == null ? null : UUID.fromString(sid.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public void requireSystemAdmin() {
        userId();
        if (!caller.isSystemAdmin()) {
            throw ProblemException.forbidden("Only a system administrator may do this.");
        }
    }
}
