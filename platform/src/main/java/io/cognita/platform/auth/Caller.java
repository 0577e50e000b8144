package io.cognita.platform.auth;

import io.cognita.platform.problem.ProblemException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Who is calling, from the verified access token: subject, platform roles (groups) and scopes. */
@RequestScoped
public class Caller {

    public static final String SYSTEM_ADMIN = "system:admin";

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    public boolean isAuthenticated() {
        return token != null && token.getSubject() != null;
    }

    /** The subject; throws 401 for an anonymous caller. */
    public String id() {
        if (!isAuthenticated()) {
            throw new UnauthorizedException();
        }
        return token.getSubject();
    }

    public boolean isSystemAdmin() {
        return isAuthenticated() && token.getGroups().contains(SYSTEM_ADMIN);
    }

    public Set<String> scopes() {
        if (!isAuthenticated()) {
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
