package io.cognita.identity.service;

import io.cognita.identity.config.IdentityConfig;
import io.cognita.platform.problem.ProblemException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Argon2id ({@link Argon2id}: libargon2 by default) for every new hash, stored in the PHC string format
 * ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}); defaults are OWASP's (m=19 MiB, t=2, p=1). The whole
 * password counts, whatever its length (bcrypt silently ignored what came after 72 bytes). Older bcrypt
 * hashes still verify, and {@link #needsRehash} tells the sign-in to replace them.
 */
// created at start-up: the decoy hash below is the proof that the chosen engine (libargon2 by default) loads and works,
// so a missing library fails the start, not the first sign-in
@Startup
@ApplicationScoped
public class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final IdentityConfig.Argon2 params;
    private final Argon2id argon2id;
    /** Each hash takes m KiB of memory and a core: at most this many at once, so a login storm cannot exhaust either. */
    private final Semaphore slots;
    /** Verified against when the account does not exist, so both cases take the same time. */
    private final String decoy;

    public PasswordHasher(IdentityConfig config) {
        this.params = config.argon2();
        this.argon2id = Argon2id.valueOf(config.argon2().engine().name());
        argon2id.load();
        this.slots = new Semaphore(config.argon2().concurrency().orElse(2 * Runtime.getRuntime().availableProcessors()), true);
        this.decoy = hash("decoy password that never matches");
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = bounded(() -> argon2(password, salt, params.memoryKib(), params.iterations(), params.parallelism(), HASH_BYTES));
        return "$argon2id$v=19$m=" + params.memoryKib() + ",t=" + params.iterations() + ",p=" + params.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** True when {@code password} matches {@code hash}; a null hash (no such account) never matches but costs the same. */
    public boolean matches(String password, String hash) {
        boolean matched = bounded(() -> verify(password, hash == null ? decoy : hash));
        return matched && hash != null;
    }

    /** True for a hash made by an older scheme or with other parameters than today's. */
    public boolean needsRehash(String hash) {
        return hash != null && !hash.startsWith("$argon2id$v=19$m=" + params.memoryKib() + ",t=" + params.iterations()
                + ",p=" + params.parallelism() + "$");
    }

    private <T> T bounded(java.util.function.Supplier<T> work) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ProblemException(503, "TOO_BUSY", "Service busy", "Too many sign-ins at once; retry in a moment.",
                    null, Map.of("Retry-After", "1"));
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }

    private boolean verify(String password, String hash) {
        if (hash.startsWith("$2")) {
            return OpenBSDBCrypt.checkPassword(hash, bcryptBytes(password));
        }
        String[] parts = hash.split("\\$");
        // "", "argon2id", "v=19", "m=…,t=…,p=…", salt, hash
        if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
            return false;
        }
        int memory = 0;
        int iterations = 0;
        int parallelism = 0;
        for (String setting : parts[3].split(",")) {
            if (!setting.matches("[mtp]=[0-9]{1,9}")) {
                return false;
            }
            int value = Integer.parseInt(setting.substring(2));
            switch (setting.charAt(0)) {
                case 'm' -> memory = value;
                case 't' -> iterations = value;
                case 'p' -> parallelism = value;
                default -> {
                    return false;
                }
            }
        }
        byte[] expected = B64_DECODER.decode(parts[5]);
        byte[] salt = B64_DECODER.decode(parts[4]);
        // a stored hash is data: settings beyond what this service would ever write never reach the native code
        // (bounds wide enough for hashes made under earlier, costlier settings, so changing them locks nobody out)
        if (parallelism < 1 || parallelism > Math.max(4, params.parallelism())
                || iterations < 1 || iterations > Math.max(10, 2 * params.iterations())
                || memory < 8 * parallelism || memory > Math.max(262144, 4 * params.memoryKib())
                || salt.length < 8 || salt.length > 64 || expected.length < 16 || expected.length > 64) {
            return false;
        }
        byte[] actual = argon2(password, salt, memory, iterations, parallelism, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        return argon2id.hash(password.getBytes(StandardCharsets.UTF_8), salt, memoryKib, iterations, parallelism, length);
    }

    /** bcrypt only reads 72 bytes; older hashes were made from that prefix. */
    private static byte[] bcryptBytes(String password) {
        byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
        return utf8.length <= 72 ? utf8 : java.util.Arrays.copyOf(utf8, 72);
    }
}
