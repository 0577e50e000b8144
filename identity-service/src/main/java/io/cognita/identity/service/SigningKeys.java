package io.cognita.identity.service;

import io.cognita.identity.config.IdentityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The key that signs access tokens and the JWKS that publishes it together with the previous keys of a
 * rotation. A key's {@code kid} is its RFC 7638 thumbprint, so it needs no configuration of its own.
 */
@ApplicationScoped
public class SigningKeys {

    private final PrivateKey signingKey;
    private final String kid;
    private final String jwks;

    public SigningKeys(IdentityConfig config) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            signingKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(pem(config.signing().keyLocation())));
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) signingKey;
            RSAPublicKey current = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            List<JsonWebKey> keys = new ArrayList<>();
            RsaJsonWebKey currentJwk = jwk(current);
            kid = currentJwk.getKeyId();
            keys.add(currentJwk);
            for (String location : config.signing().previousPublicKeyLocations().orElse(List.of())) {
                keys.add(jwk((RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(pem(location)))));
            }
            jwks = new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (GeneralSecurityException | JoseException e) {
            throw new IllegalStateException("cannot load the token signing keys: " + e.getMessage(), e);
        }
    }

    public PrivateKey signingKey() {
        return signingKey;
    }

    public String kid() {
        return kid;
    }

    public String jwks() {
        return jwks;
    }

    private static RsaJsonWebKey jwk(RSAPublicKey key) throws JoseException {
        RsaJsonWebKey jwk = new RsaJsonWebKey(key);
        jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
        jwk.setAlgorithm("RS256");
        jwk.setUse("sig");
        return jwk;
    }

    private static byte[] pem(String location) {
        try {
            String text = Files.readString(Path.of(location));
            String base64 = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
            return Base64.getDecoder().decode(base64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key " + location, e);
        }
    }
}
