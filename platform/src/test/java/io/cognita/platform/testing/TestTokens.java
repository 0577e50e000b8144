package io.cognita.platform.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Access tokens for tests, signed by a key pair made once per test JVM (never stored anywhere); the
 * matching JWKS is written to a temporary file that {@link TestJwksResource} points the service at.
 */
public final class TestTokens {

    public static final String ISSUER = "https://cognita.dev/identity";
    public static final String AUDIENCE = "cognita-api";
    public static final String USER_SCOPES = "org:read org:write billing:read billing:write workspace:read "
            + "workspace:write meeting:read meeting:write transcript:read transcript:write";

    private static final KeyPair KEYS = generate();
    /** The RFC 7638 thumbprint, as identity-service names its keys. */
    public static final String KID = thumbprint();
    private static Path jwksFile;

    private TestTokens() {
    }

    public static KeyPair keys() {
        return KEYS;
    }

    public static synchronized Path jwksFile() {
        if (jwksFile == null) {
            try {
                jwksFile = Files.createTempFile("cognita-test-jwks", ".json");
                jwksFile.toFile().deleteOnExit();
                Files.writeString(jwksFile, jwks());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jwksFile;
    }

    public static String jwks() {
        RSAPublicKey pub = (RSAPublicKey) KEYS.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KID + "\",\"n\":\""
                + b64(pub.getModulus()) + "\",\"e\":\"" + b64(pub.getPublicExponent()) + "\"}]}";
    }

    /** A system administrator's login token. */
    public static String systemAdmin() {
        return sign(base("u-" + UUID.randomUUID()).groups(Set.of("system:admin")).claim("scope", USER_SCOPES));
    }

    /** An ordinary user's login token with all user scopes. */
    public static String user(String userId) {
        return sign(base(userId).groups(Set.of("user")).claim("scope", USER_SCOPES));
    }

    /** A token of {@code subject} carrying exactly {@code scope} and no platform role. */
    public static String withScope(String subject, String scope) {
        return sign(base(subject).claim("scope", scope));
    }

    public static String newUserId() {
        return "u-" + UUID.randomUUID();
    }

    public static JwtClaimsBuilder base(String subject) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).claim("sid", UUID.randomUUID().toString())
                .claim("jti", UUID.randomUUID().toString()).expiresIn(900);
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(KID).sign(KEYS.getPrivate());
    }

    private static String thumbprint() {
        RSAPublicKey pub = (RSAPublicKey) KEYS.getPublic();
        String canonical = "{\"e\":\"" + b64(pub.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\"" + b64(pub.getModulus()) + "\"}";
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
