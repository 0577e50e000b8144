package io.cognita.identity.service;

import io.cognita.identity.config.IdentityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/** bcrypt (Bouncy Castle's OpenBSD implementation) with a configurable work factor. */
@ApplicationScoped
public class PasswordHasher {

    private static final int BCRYPT_MAX_BYTES = 72;
    private final SecureRandom random = new SecureRandom();
    private final int cost;
    /** Verified against when the account does not exist, so both cases take the same time. */
    private final String decoy;

    public PasswordHasher(IdentityConfig config) {
        this.cost = config.bcryptCost();
        this.decoy = hash("decoy password that never matches");
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate(bytes(password), salt, cost);
    }

    public boolean matches(String password, String hash) {
        return OpenBSDBCrypt.checkPassword(hash == null ? decoy : hash, bytes(password)) && hash != null;
    }

    private static byte[] bytes(String password) {
        byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
        return utf8.length <= BCRYPT_MAX_BYTES ? utf8 : Arrays.copyOf(utf8, BCRYPT_MAX_BYTES);
    }
}
