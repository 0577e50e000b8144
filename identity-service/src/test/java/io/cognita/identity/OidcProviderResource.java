package io.cognita.identity;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenID provider over HTTP for the tests: discovery, JWKS, an authorization endpoint that
 * "signs the user in" at once and redirects with a code, and a token endpoint that checks the code,
 * the PKCE verifier and the client, and answers with an ID token signed by its own key. How it
 * misbehaves is set per test through {@link #mode}.
 */
public class OidcProviderResource implements QuarkusTestResourceLifecycleManager {

    public enum Mode { NORMAL, WRONG_NONCE, WRONG_AUDIENCE, EXPIRED, FOREIGN_KEY, UNVERIFIED_EMAIL }

    public static final String CLIENT_ID = "cognita-test-client";
    public static final String CLIENT_SECRET = "test-only-secret";
    public static volatile Mode mode = Mode.NORMAL;
    public static volatile String email = "oidc-user@example.org";
    static String issuer;

    private static final KeyPair KEY = keys();
    private static final KeyPair FOREIGN = keys();
    private final Map<String, JsonObject> codes = new ConcurrentHashMap<>();
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int port;
        try {
            port = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        issuer = "http://127.0.0.1:" + port + "/realms/test";
        return Map.of("cognita.identity.oidc.test.issuer", issuer,
                "cognita.identity.oidc.test.client-id", CLIENT_ID,
                "cognita.identity.oidc.test.client-secret", CLIENT_SECRET,
                "cognita.identity.oidc.test.redirect-uri", "http://localhost:3000/api/auth/callback");
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.endsWith("/.well-known/openid-configuration")) {
            json(request, 200, new JsonObject().put("issuer", issuer)
                    .put("authorization_endpoint", issuer + "/auth")
                    .put("token_endpoint", issuer + "/token")
                    .put("jwks_uri", issuer + "/jwks"));
        } else if (path.endsWith("/jwks")) {
            RSAPublicKey pub = (RSAPublicKey) KEY.getPublic();
            json(request, 200, new JsonObject().put("keys", new JsonArray().add(new JsonObject()
                    .put("kty", "RSA").put("use", "sig").put("alg", "RS256").put("kid", "provider-key")
                    .put("n", b64(pub.getModulus())).put("e", b64(pub.getPublicExponent())))));
        } else if (path.endsWith("/auth")) {
            String code = UUID.randomUUID().toString();
            codes.put(code, new JsonObject().put("nonce", request.getParam("nonce"))
                    .put("challenge", request.getParam("code_challenge"))
                    .put("redirect", request.getParam("redirect_uri")).put("client", request.getParam("client_id")));
            request.response().setStatusCode(302).putHeader("Location", request.getParam("redirect_uri") + "?code="
                    + code + "&state=" + URLEncoder.encode(request.getParam("state"), StandardCharsets.UTF_8)).end();
        } else if (path.endsWith("/token")) {
            request.setExpectMultipart(true);
            request.endHandler(v -> token(request));
        } else {
            request.response().setStatusCode(404).end();
        }
    }

    private void token(HttpServerRequest request) {
        var form = request.formAttributes();
        JsonObject grant = codes.remove(String.valueOf(form.get("code")));
        if (grant == null || !"authorization_code".equals(form.get("grant_type"))
                || !CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))
                || !grant.getString("redirect").equals(form.get("redirect_uri"))
                || !grant.getString("challenge").equals(s256(form.get("code_verifier")))) {
            json(request, 400, new JsonObject().put("error", "invalid_grant"));
            return;
        }
        Instant now = Instant.now();
        var claims = Jwt.issuer(issuer).subject("provider-user-1")
                .audience(mode == Mode.WRONG_AUDIENCE ? "someone-else" : CLIENT_ID)
                .claim("nonce", mode == Mode.WRONG_NONCE ? "another-nonce" : grant.getString("nonce"))
                .claim("email", email).claim("email_verified", mode != Mode.UNVERIFIED_EMAIL).claim("name", "Olivia Dc")
                .issuedAt(now.getEpochSecond())
                .expiresAt(mode == Mode.EXPIRED ? now.minusSeconds(600).getEpochSecond() : now.plusSeconds(300).getEpochSecond());
        String idToken = claims.jws().keyId("provider-key").sign((mode == Mode.FOREIGN_KEY ? FOREIGN : KEY).getPrivate());
        json(request, 200, new JsonObject().put("access_token", "provider-access").put("token_type", "Bearer")
                .put("id_token", idToken));
    }

    private static void json(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(String.valueOf(verifier).getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
