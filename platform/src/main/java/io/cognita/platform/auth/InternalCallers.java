package io.cognita.platform.auth;

import io.cognita.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code /api/internal/**} answers only the suite's own services: a request must carry the shared internal
 * token ({@code X-Cognita-Internal-Token}, {@code cognita.internal.token}) besides the caller's own token. The
 * gateway never routes these paths; the token keeps a user who reaches a service's port directly from calling
 * them with a user token alone. Production must set {@code COGNITA_INTERNAL_TOKEN} (no default there).
 */
@ApplicationScoped
public class InternalCallers {

    public static final String HEADER = "X-Cognita-Internal-Token";
    private static final String PREFIX = "/api/internal/";

    private final byte[] token;

    public InternalCallers(@ConfigProperty(name = "cognita.internal.token") String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @ServerRequestFilter(preMatching = true, priority = 2)
    public void requireInternalToken(ContainerRequestContext request) {
        if (!request.getUriInfo().getRequestUri().getRawPath().startsWith(PREFIX)) {
            return;
        }
        String given = request.getHeaderString(HEADER);
        if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(403, "INTERNAL_CALLERS_ONLY", "Internal endpoint",
                    "This endpoint answers the suite's own services only.");
        }
    }
}
