package io.cognita.identity.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cognita.identity.config.IdentityConfig;
import io.cognita.identity.domain.DeviceInfo;
import io.cognita.identity.domain.OidcState;
import io.cognita.identity.domain.SecurityAuditEntry;
import io.cognita.identity.domain.User;
import io.cognita.identity.repository.OidcStateRepository;
import io.cognita.identity.repository.SecurityAuditRepository;
import io.cognita.identity.repository.UserRepository;
import io.cognita.platform.outbox.Outbox;
import io.cognita.platform.problem.FieldError;
import io.cognita.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Sign-in with a configured OpenID provider: authorization code with PKCE (S256), a single-use expiring
 * state and a nonce; the ID token is checked for signature (provider's JWKS), iss, aud, exp and nonce;
 * the user is found (or created) by the provider-verified e-mail address; only a verified account is linked,
 * an unverified one is taken over (see {@link #takeOver}).
 */
@ApplicationScoped
public class OidcLogin {

    private static final Logger LOG = Logger.getLogger(OidcLogin.class);
    private static final Duration LOGIN_CODE_TTL = Duration.ofSeconds(60);

    private final IdentityConfig config;
    private final OidcStateRepository states;
    private final UserRepository users;
    private final SessionService sessions;
    private final TokenIssuer tokens;
    private final Outbox outbox;
    private final OneTimeTokens oneTimeTokens;
    private final SecurityAuditRepository audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<String, Provider> discovered = new ConcurrentHashMap<>();

    public OidcLogin(IdentityConfig config, OidcStateRepository states, UserRepository users, SessionService sessions,
                     TokenIssuer tokens, Outbox outbox, OneTimeTokens oneTimeTokens, SecurityAuditRepository audit,
                     ObjectMapper json, Clock clock) {
        this.config = config;
        this.states = states;
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.outbox = outbox;
        this.oneTimeTokens = oneTimeTokens;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    private record Provider(String issuer, String authorizationEndpoint, String tokenEndpoint, JwtConsumer idTokens) {
    }

    /** Where to send the browser, and the value of the cookie that binds the sign-in to it. */
    public record Start(URI providerUrl, String browserBinding) {
    }

    /** Starts a sign-in: the provider URL to send the browser to, bound to that browser by a cookie. */
    @Transactional
    public Start start(String providerName) {
        IdentityConfig.OidcProvider settings = settings(providerName);
        Provider provider = provider(providerName, settings);
        String state = tokens.refreshToken();
        String nonce = tokens.refreshToken();
        String verifier = tokens.refreshToken() + tokens.refreshToken();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        OidcState row = new OidcState();
        row.stateHash = TokenIssuer.hashOf(state);
        row.provider = providerName;
        row.nonce = nonce;
        row.codeVerifier = verifier;
        row.createdAt = now;
        row.expiresAt = now.plus(config.oidcStateTtl());
        String binding = tokens.refreshToken();
        row.browserHash = TokenIssuer.hashOf(binding);
        states.persist(row);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", settings.redirectUri());
        query.put("scope", settings.scopes());
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", s256(verifier));
        query.put("code_challenge_method", "S256");
        return new Start(URI.create(provider.authorizationEndpoint() + (provider.authorizationEndpoint().contains("?") ? "&" : "?")
                + form(query)), binding);
    }

    /**
     * Completes a sign-in from the provider's redirect, in the browser that started it: checks the ID token
     * and finds (or creates) the user, but returns no token on this GET; it returns where to send the
     * browser: the web client's page with a single-use login code, which that browser exchanges with
     * {@link #exchange} (a POST).
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public URI callback(String code, String state, String error, String browserBinding) {
        OidcState pending = state == null ? null : states.findById(TokenIssuer.hashOf(state), LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (pending == null || pending.usedAt != null || !pending.expiresAt.isAfter(now)
                || browserBinding == null || !TokenIssuer.hashOf(browserBinding).equals(pending.browserHash)) {
            throw ProblemException.badRequest("INVALID_STATE", "The sign-in is unknown, already completed or expired.",
                    List.of(new FieldError("state", "unknown, used or expired")));
        }
        pending.usedAt = now;
        if (error != null) {
            throw ProblemException.badRequest("OIDC_ERROR", "The identity provider refused the sign-in: " + error + ".", null);
        }
        if (code == null || code.isBlank()) {
            throw ProblemException.invalidField("code", "is required");
        }
        IdentityConfig.OidcProvider settings = settings(pending.provider);
        Provider provider = provider(pending.provider, settings);
        String idToken = exchange(provider, settings, code, pending.codeVerifier);
        JwtClaims claims;
        try {
            claims = provider.idTokens().processToClaims(idToken);
        } catch (InvalidJwtException e) {
            LOG.warnf("ID token from %s refused: %s", pending.provider, e.getMessage());
            throw invalidIdToken();
        }
        if (!pending.nonce.equals(claims.getClaimValue("nonce"))) {
            LOG.warnf("ID token from %s with a wrong nonce refused", pending.provider);
            throw invalidIdToken();
        }
        Object email = claims.getClaimValue("email");
        if (!(email instanceof String address) || !Boolean.TRUE.equals(claims.getClaimValue("email_verified"))) {
            throw new ProblemException(403, "EMAIL_NOT_VERIFIED", "E-mail not verified",
                    "The identity provider did not vouch for an e-mail address; sign in another way.");
        }
        Object name = claims.getClaimValue("name");
        User user = linkOrCreate(User.normaliseEmail(address), name instanceof String n ? n : null);
        String loginCode = tokens.refreshToken();
        pending.loginCodeHash = TokenIssuer.hashOf(loginCode);
        pending.userId = user.id;
        pending.codeExpiresAt = now.plus(LOGIN_CODE_TTL);
        return URI.create(config.publicUrl() + config.oidcSignedInPath() + "?code="
                + URLEncoder.encode(loginCode, StandardCharsets.UTF_8));
    }

    /** The browser that started the sign-in trades its login code for tokens, once, within a minute. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public AuthTokens exchange(String loginCode, String browserBinding, DeviceInfo device) {
        Instant now = clock.instant();
        OidcState done = loginCode == null ? null : states.byLoginCodeForUpdate(TokenIssuer.hashOf(loginCode)).orElse(null);
        if (done == null || done.codeUsedAt != null || !done.codeExpiresAt.isAfter(now)
                || browserBinding == null || !TokenIssuer.hashOf(browserBinding).equals(done.browserHash)) {
            throw ProblemException.badRequest("INVALID_LOGIN_CODE", "The sign-in code is unknown, used, expired or "
                    + "from another browser; sign in again.", List.of(new FieldError("code", "unknown, used or expired")));
        }
        done.codeUsedAt = now;
        User user = users.findByIdOptional(done.userId).filter(u -> u.deletedAt == null).orElseThrow(() ->
                ProblemException.badRequest("INVALID_LOGIN_CODE", "The account no longer exists; sign in again.",
                        List.of(new FieldError("code", "the account was deleted"))));
        return sessions.open(user, device);
    }

    private User linkOrCreate(String email, String name) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        User user = users.byEmail(email).orElse(null);
        if (user == null) {
            user = new User();
            user.id = User.newId();
            user.email = email;
            user.displayName = name == null || name.isBlank() ? email.substring(0, email.indexOf('@')) : name.strip();
            user.createdAt = now;
            user.emailVerified = true;
            users.persist(user);
            outbox.record(IdentityEvents.USER_REGISTERED, null, "user/" + user.id,
                    new IdentityEvents.UserRegistered(user.id, user.email, user.displayName, null, null));
            outbox.record(IdentityEvents.USER_EMAIL_VERIFIED, null, "user/" + user.id,
                    new IdentityEvents.UserEmailVerified(user.id, user.email));
        } else if (!user.emailVerified) {
            takeOver(user, name, now);
        }
        return user;
    }

    /**
     * Nobody has proven they own an unverified account's address, so whoever registered it may not be its
     * owner: the provider-verified owner takes it over instead of sharing it. Its password and pending
     * mail tokens stop working, every session of it ends, and the takeover is audited.
     */
    private void takeOver(User user, String name, Instant now) {
        LOG.warnf("unverified account %s taken over by the verified owner of its address (OIDC)", user.id);
        boolean hadPassword = user.passwordHash != null;
        user.passwordHash = null;
        if (name != null && !name.isBlank()) {
            user.displayName = name.strip();
        }
        user.emailVerified = true;
        user.updatedAt = now;
        oneTimeTokens.voidAll(user.id);
        int ended = sessions.revokeAll(user.id, "account-taken-over", null);
        audit.persist(SecurityAuditEntry.of(user.id, "account.taken-over",
                Map.of("via", "oidc", "passwordRemoved", hadPassword, "sessionsEnded", ended), now));
        outbox.record(IdentityEvents.USER_EMAIL_VERIFIED, null, "user/" + user.id,
                new IdentityEvents.UserEmailVerified(user.id, user.email));
    }

    private String exchange(Provider provider, IdentityConfig.OidcProvider settings, String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", settings.redirectUri());
        form.put("client_id", settings.clientId());
        form.put("code_verifier", verifier);
        settings.clientSecret().ifPresent(secret -> form.put("client_secret", secret));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(provider.tokenEndpoint()))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            throw ProblemException.badRequest("OIDC_CODE_REJECTED", "The identity provider did not accept the code.", null);
        }
        if (response.statusCode() != 200) {
            throw unavailable();
        }
        try {
            JsonNode body = json.readTree(response.body());
            String idToken = body.path("id_token").asText(null);
            if (idToken == null) {
                throw invalidIdToken();
            }
            return idToken;
        } catch (IOException e) {
            throw unavailable();
        }
    }

    private Provider provider(String name, IdentityConfig.OidcProvider settings) {
        return discovered.computeIfAbsent(name, n -> {
            HttpResponse<String> response = send(HttpRequest.newBuilder(
                    URI.create(settings.issuer().replaceAll("/$", "") + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(5)).GET().build());
            try {
                JsonNode doc = json.readTree(response.body());
                String issuer = doc.path("issuer").asText();
                if (response.statusCode() != 200 || !issuer.equals(settings.issuer())) {
                    throw unavailable();
                }
                HttpsJwks jwks = new HttpsJwks(doc.path("jwks_uri").asText());
                JwtConsumer consumer = new JwtConsumerBuilder()
                        .setRequireExpirationTime()
                        .setRequireSubject()
                        .setAllowedClockSkewInSeconds(30)
                        .setExpectedIssuer(issuer)
                        .setExpectedAudience(settings.clientId())
                        .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                        .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                                AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                        .build();
                return new Provider(issuer, doc.path("authorization_endpoint").asText(), doc.path("token_endpoint").asText(), consumer);
            } catch (IOException e) {
                throw unavailable();
            }
        });
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warnf("identity provider unreachable: %s", e.toString());
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private IdentityConfig.OidcProvider settings(String name) {
        IdentityConfig.OidcProvider settings = config.oidcProviders().get(name);
        if (settings == null) {
            throw ProblemException.notFound("OIDC_PROVIDER_NOT_FOUND", "Identity provider not found",
                    "No identity provider named " + name + " is configured.");
        }
        return settings;
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static ProblemException invalidIdToken() {
        return new ProblemException(401, "INVALID_ID_TOKEN", "Invalid ID token",
                "The identity provider's ID token could not be verified.");
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "IDENTITY_PROVIDER_UNAVAILABLE", "Identity provider unavailable",
                "The identity provider could not be reached; try again later.");
    }
}
