package io.cognita.identity.rest;

import io.cognita.identity.domain.DeviceInfo;
import io.cognita.identity.service.AuthTokens;
import io.cognita.identity.service.OidcLogin;
import io.cognita.platform.api.ApiResponse;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sign-in with an OpenID provider, for browsers: authorize (sets the binding cookie, 302 to the provider),
 * callback (302 to the web client with a single-use login code; no token on a GET or in a URL), exchange
 * (POST the code from the same browser → tokens, never cached).
 */
@Path("/auth")
@Tag(name = "Auth")
@Produces(MediaType.APPLICATION_JSON)
public class OidcResource {

    static final String BINDING_COOKIE = "cognita_oidc";

    private final OidcLogin oidc;
    private final boolean secureCookie;

    public OidcResource(OidcLogin oidc, @ConfigProperty(name = "cognita.identity.public-url") String publicUrl) {
        this.oidc = oidc;
        this.secureCookie = publicUrl.startsWith("https:");
    }

    public record Exchange(@NotBlank @Size(max = 200) String code, @Valid DeviceInfo device) {
    }

    @GET
    @Path("/oidc/{provider}/authorize")
    @Operation(operationId = "oidcAuthorize", summary = "start OIDC sign-in", description = "Redirects to the configured "
            + "identity provider (authorization code with PKCE, single-use state, nonce) and sets the cookie that binds "
            + "the sign-in to this browser (HttpOnly, SameSite=Lax, Path=/api/auth, 10 minutes).")
    @APIResponse(responseCode = "302", description = "To the provider's authorization endpoint")
    @APIResponse(responseCode = "404", description = "OIDC_PROVIDER_NOT_FOUND")
    public Response authorize(@PathParam("provider") String provider) {
        OidcLogin.Start start = oidc.start(provider);
        return Response.status(302).location(start.providerUrl()).cookie(binding(start.browserBinding(), 600)).build();
    }

    @GET
    @Path("/callback")
    @Operation(operationId = "oidcCallback", summary = "callback", description = "The provider's redirect (code, state), "
            + "in the browser that started the sign-in: checks the ID token, links or creates the user by verified "
            + "e-mail, and redirects to the web client's sign-in page with a single-use login code (60 s) to exchange.")
    @APIResponse(responseCode = "302", description = "To <public-url>/signed-in?code=…")
    @APIResponse(responseCode = "400", description = "INVALID_STATE (also from another browser), OIDC_ERROR, OIDC_CODE_REJECTED")
    @APIResponse(responseCode = "401", description = "INVALID_ID_TOKEN")
    @APIResponse(responseCode = "403", description = "EMAIL_NOT_VERIFIED")
    @APIResponse(responseCode = "503", description = "IDENTITY_PROVIDER_UNAVAILABLE")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @QueryParam("error") String error, @CookieParam(BINDING_COOKIE) String browserBinding) {
        return Response.status(302).location(oidc.callback(code, state, error, browserBinding)).build();
    }

    @POST
    @Path("/oidc/exchange")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "oidcExchange", summary = "exchange the login code", description = "The web client posts "
            + "the login code from its sign-in page, from the same browser (the binding cookie): tokens, once.")
    @APIResponse(responseCode = "200", description = "Signed in")
    @APIResponse(responseCode = "400", description = "INVALID_LOGIN_CODE")
    public Response exchange(@NotNull @Valid Exchange body, @CookieParam(BINDING_COOKIE) String browserBinding,
                             @Context HttpServerRequest request) {
        DeviceInfo device = (body.device() == null ? new DeviceInfo(null, null, null, null) : body.device())
                .withIp(request.remoteAddress().hostAddress());
        AuthTokens tokens = oidc.exchange(body.code(), browserBinding, device);
        return Response.ok(ApiResponse.ok("Logged in successfully", tokens)).cookie(binding("", 0)).build();
    }

    private NewCookie binding(String value, int maxAge) {
        return new NewCookie.Builder(BINDING_COOKIE).value(value).path("/api/auth").maxAge(maxAge).httpOnly(true)
                .secure(secureCookie).sameSite(NewCookie.SameSite.LAX).build();
    }
}
