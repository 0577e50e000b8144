package io.cognita.identity.rest;

import io.cognita.identity.service.AccountService;
import io.cognita.identity.domain.User;
import io.cognita.identity.service.AuthService;
import io.cognita.identity.service.OrgRoles;
import io.cognita.identity.service.PendingInvitations;
import io.cognita.identity.service.AuthTokens;
import io.cognita.identity.service.CurrentSession;
import io.cognita.identity.service.PasswordResetService;
import io.cognita.identity.service.SessionService;
import io.cognita.identity.service.SigningKeys;
import io.cognita.platform.api.ApiResponse;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

@Path("/auth")
@Tag(name = "Auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private static final Map<String, Object> NO_DATA = Map.of();

    private final AuthService auth;
    private final AccountService accounts;
    private final PasswordResetService resets;
    private final SessionService sessions;
    private final CurrentSession current;
    private final SigningKeys keys;
    private final OrgRoles orgRoles;
    private final PendingInvitations invitations;

    public AuthResource(AuthService auth, AccountService accounts, PasswordResetService resets, SessionService sessions,
                        CurrentSession current, SigningKeys keys, OrgRoles orgRoles, PendingInvitations invitations) {
        this.orgRoles = orgRoles;
        this.invitations = invitations;
        this.auth = auth;
        this.accounts = accounts;
        this.resets = resets;
        this.sessions = sessions;
        this.current = current;
        this.keys = keys;
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "login", description = "E-mail and password → an RS256 access token and a refresh token. "
            + "5 attempts a minute per account and source address (429). After 10 consecutive failures from one address "
            + "that address is held back for that account for 15 min: it gets INVALID_CREDENTIALS like a wrong password; "
            + "other addresses are not affected, so nobody can lock the owner out.")
    @APIResponse(responseCode = "200", description = "Signed in")
    @APIResponse(responseCode = "401", description = "INVALID_CREDENTIALS (wrong password, unknown account or a held-back address)")
    @APIResponse(responseCode = "429", description = "TOO_MANY_LOGIN_ATTEMPTS, with Retry-After")
    public ApiResponse<AuthTokens> login(@NotNull @Valid LoginRequest body, @Context HttpServerRequest request) {
        return ApiResponse.ok("Logged in successfully",
                auth.login(body.email(), body.password(), body.device(), request.remoteAddress().hostAddress()));
    }

    @POST
    @Path("/register")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "register", description = "Creates an account and mails a verification link. Always 202 with "
            + "the same body, also for an address that already has an account (that address gets a mail instead): "
            + "no account enumeration. Password: at least 12 characters, not the e-mail address.")
    @APIResponse(responseCode = "202", description = "Registration accepted", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiResponse.class)))
    public Response register(@NotNull @Valid AuthRequests.Register body) {
        accounts.register(new AccountService.Registration(body.email(), body.password(), body.displayName(),
                body.locale(), body.timezone()));
        return accepted("If the address can be used, a verification mail is on its way.");
    }

    @POST
    @Path("/verify-email")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "verify email", description = "Redeems the single-use token of the verification mail.")
    @APIResponse(responseCode = "400", description = "INVALID_TOKEN: unknown, used or expired")
    @APIResponse(responseCode = "200", description = "Address verified")
    public ApiResponse<Map<String, Object>> verifyEmail(@NotNull @Valid AuthRequests.TokenOnly body) {
        accounts.verifyEmail(body.token());
        return ApiResponse.ok("E-mail address verified", NO_DATA);
    }

    @POST
    @Path("/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "refresh", description = "Exchanges a refresh token for a new pair; the old one is spent. "
            + "Presenting a spent refresh token revokes the whole session.")
    @APIResponse(responseCode = "401", description = "INVALID_REFRESH_TOKEN or REFRESH_TOKEN_REUSED")
    @APIResponse(responseCode = "200", description = "A new token pair")
    public ApiResponse<AuthTokens> refresh(@NotNull @Valid AuthRequests.Refresh body) {
        return ApiResponse.ok("Tokens refreshed", sessions.refresh(body.refreshToken()));
    }

    @POST
    @Path("/logout")
    @Authenticated
    @Operation(summary = "logout", description = "Revokes this session, or every session with {\"allSessions\": true}.")
    public ApiResponse<Map<String, Object>> logout(@Valid AuthRequests.Logout body) {
        String userId = current.userId();
        if (body != null && Boolean.TRUE.equals(body.allSessions())) {
            sessions.revokeAll(userId, "logout-all", null);
        } else {
            sessions.revokeOwn(userId, current.sessionId(), "logout");
        }
        return ApiResponse.ok("Logged out", NO_DATA);
    }

    @POST
    @Path("/forgot-password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "forgot password", description = "Mails a reset link if the account exists. Always 202 with "
            + "the same body, in the same time.")
    @APIResponse(responseCode = "202", description = "Accepted", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiResponse.class)))
    public Response forgotPassword(@NotNull @Valid AuthRequests.EmailOnly body) {
        resets.forgot(body.email());
        return accepted("If the address has an account, a reset mail is on its way.");
    }

    @POST
    @Path("/request-reset-password")
    @Authenticated
    @Operation(summary = "request reset password", description = "Without a body: mails the caller a reset link.")
    @APIResponse(responseCode = "202", description = "Accepted", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiResponse.class)))
    public Response requestResetPassword() {
        resets.requestFor(current.userId(), null);
        return accepted("A reset mail is on its way.");
    }

    @POST
    @Path("/request-reset-password")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "request reset password", description = "Mails a reset link to the caller, or with "
            + "{\"userId\"} to a member of an org the caller owns or administers (403 otherwise).")
    @APIResponse(responseCode = "202", description = "Accepted", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiResponse.class)))
    @APIResponse(responseCode = "403", description = "Not an owner or admin of an org the user belongs to")
    public Response requestResetPasswordFor(@Valid AuthRequests.ResetFor body) {
        resets.requestFor(current.userId(), body == null ? null : body.userId());
        return accepted("A reset mail is on its way.");
    }

    @POST
    @Path("/reset-password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "reset password", description = "Sets a new password with the mailed token and revokes "
            + "every session of the user.")
    @APIResponse(responseCode = "400", description = "INVALID_TOKEN, or a password the policy refuses")
    @APIResponse(responseCode = "200", description = "Password changed; every session ended")
    public ApiResponse<Map<String, Object>> resetPassword(@NotNull @Valid AuthRequests.ResetPassword body) {
        resets.reset(body.token(), body.newPassword());
        return ApiResponse.ok("Password reset; sign in again", NO_DATA);
    }

    @POST
    @Path("/change-password")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "change password", description = "Needs the current password; revokes the other sessions.")
    public ApiResponse<Map<String, Object>> changePassword(@NotNull @Valid AuthRequests.ChangePassword body) {
        accounts.changePassword(current.userId(), current.sessionId(), body.currentPassword(), body.newPassword());
        return ApiResponse.ok("Password changed", NO_DATA);
    }

    @POST
    @Path("/delete-account")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "delete account", description = "Deletes the caller's account (current password required "
            + "when it has one): sessions revoked, personal data erased, user.deleted published.")
    public ApiResponse<Map<String, Object>> deleteAccount(@NotNull @Valid AuthRequests.DeleteAccount body) {
        accounts.deleteAccount(current.userId(), body.currentPassword());
        return ApiResponse.ok("Account deleted", NO_DATA);
    }

    @GET
    @Path("/profile")
    @Authenticated
    @Operation(summary = "profile", description = "The caller, their platform roles and org memberships.")
    public ApiResponse<AuthViews.Profile> profile() {
        String userId = current.userId();
        User user = accounts.profile(userId);
        return ApiResponse.ok("Profile", AuthViews.Profile.of(user, orgRoles.of(userId), invitations.of(user.email)));
    }

    @PATCH
    @Path("/update-profile")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "update-profile", description = "displayName, locale (BCP-47), timezone (IANA), avatarUrl "
            + "(https; empty string removes it); fields left out keep their value.")
    public ApiResponse<AuthViews.Profile> updateProfile(@NotNull @Valid AuthRequests.UpdateProfile body) {
        User user = accounts.updateProfile(current.userId(),
                new AccountService.ProfileChange(body.displayName(), body.locale(), body.timezone(), body.avatarUrl()));
        return ApiResponse.ok("Profile updated", AuthViews.Profile.of(user, orgRoles.of(user.id), invitations.of(user.email)));
    }

    @GET
    @Path("/.well-known/jwks.json")
    @Operation(summary = "JWKS", description = "The public keys that verify access tokens: the current key and, "
            + "during a rotation, the previous ones.")
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(keys.jwks()).cacheControl(cache).build();
    }

    private static Response accepted(String message) {
        return Response.accepted(ApiResponse.ok(message, NO_DATA)).build();
    }
}
