package io.cognita.identity.rest;

import io.cognita.identity.service.AuthTokens;
import io.cognita.identity.service.OidcLogin;
import io.cognita.platform.api.ApiResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/auth")
@Tag(name = "Auth")
@Produces(MediaType.APPLICATION_JSON)
public class OidcResource {

    private final OidcLogin oidc;

    public OidcResource(OidcLogin oidc) {
        this.oidc = oidc;
    }

    @GET
    @Path("/oidc/{provider}/authorize")
    @Operation(summary = "start OIDC sign-in", description = "Redirects to the configured identity provider "
            + "(authorization code with PKCE, single-use state, nonce).")
    @APIResponse(responseCode = "302", description = "To the provider's authorization endpoint")
    @APIResponse(responseCode = "404", description = "OIDC_PROVIDER_NOT_FOUND")
    public Response authorize(@PathParam("provider") String provider) {
        return Response.status(302).location(oidc.authorizationUrl(provider)).build();
    }

    @GET
    @Path("/callback")
    @Operation(summary = "callback", description = "The provider's redirect (code, state): checks the ID token and "
            + "signs the user in, linked by verified e-mail (created when new).")
    @APIResponse(responseCode = "400", description = "INVALID_STATE, OIDC_ERROR, OIDC_CODE_REJECTED")
    @APIResponse(responseCode = "401", description = "INVALID_ID_TOKEN")
    @APIResponse(responseCode = "403", description = "EMAIL_NOT_VERIFIED")
    @APIResponse(responseCode = "503", description = "IDENTITY_PROVIDER_UNAVAILABLE")
    public ApiResponse<AuthTokens> callback(@QueryParam("code") String code, @QueryParam("state") String state,
                                            @QueryParam("error") String error) {
        return ApiResponse.ok("Logged in successfully", oidc.callback(code, state, error));
    }
}
