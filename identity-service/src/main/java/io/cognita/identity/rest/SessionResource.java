package io.cognita.identity.rest;

import io.cognita.identity.service.CurrentSession;
import io.cognita.identity.service.SessionService;
import io.cognita.platform.api.ApiResponse;
import io.cognita.platform.request.Ids;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

@Authenticated
@Path("/auth/sessions")
@Tag(name = "Auth")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SessionService sessions;
    private final CurrentSession current;

    public SessionResource(SessionService sessions, CurrentSession current) {
        this.sessions = sessions;
        this.current = current;
    }

    @GET
    @Operation(summary = "sessions", description = "The caller's active sessions with their DeviceInfo, newest first.")
    public ApiResponse<List<AuthViews.SessionView>> list() {
        String userId = current.userId();
        return ApiResponse.ok("Sessions", sessions.active(userId).stream()
                .map(s -> AuthViews.SessionView.of(s, current.sessionId())).toList());
    }

    @GET
    @Path("/{sessionId}")
    @Operation(summary = "session", description = "One of the caller's active sessions; 404 SESSION_NOT_FOUND for any other.")
    @APIResponse(responseCode = "404", description = "SESSION_NOT_FOUND")
    @APIResponse(responseCode = "200", description = "The session")
    public ApiResponse<AuthViews.SessionView> get(@PathParam("sessionId") String sessionId) {
        String userId = current.userId();
        return ApiResponse.ok("Session", AuthViews.SessionView.of(sessions.activeOne(userId, Ids.uuid("sessionId", sessionId)),
                current.sessionId()));
    }

    @DELETE
    @Path("/{sessionId}")
    @Operation(summary = "revoke session", description = "Ends one of the caller's sessions; 404 for any other.")
    public ApiResponse<Map<String, Object>> revoke(@PathParam("sessionId") String sessionId) {
        sessions.revokeOwn(current.userId(), Ids.uuid("sessionId", sessionId), "revoked-by-user");
        return ApiResponse.ok("Session revoked", Map.of());
    }
}
