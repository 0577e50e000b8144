package io.cognita.identity.rest;

import io.cognita.identity.service.AuthService;
import io.cognita.identity.service.AuthTokens;
import io.cognita.identity.service.SigningKeys;
import io.cognita.platform.api.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/auth")
@Tag(name = "Auth")
public class AuthResource {

    private final AuthService auth;
    private final SigningKeys keys;

    public AuthResource(AuthService auth, SigningKeys keys) {
        this.auth = auth;
        this.keys = keys;
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "login", description = "E-mail and password → an RS256 access token and a refresh token.")
    @APIResponse(responseCode = "200", description = "Signed in")
    @APIResponse(responseCode = "401", description = "INVALID_CREDENTIALS")
    public ApiResponse<AuthTokens> login(@NotNull @Valid LoginRequest body) {
        return ApiResponse.ok("Logged in successfully", auth.login(body.email(), body.password(), body.device()));
    }

    @GET
    @Path("/.well-known/jwks.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "JWKS", description = "The public keys that verify access tokens: the current key and, "
            + "during a rotation, the previous ones.")
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(keys.jwks()).cacheControl(cache).build();
    }
}
