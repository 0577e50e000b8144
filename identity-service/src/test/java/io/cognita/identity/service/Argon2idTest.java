package io.cognita.identity.service;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** libargon2 and Bouncy Castle compute the same Argon2id, so hashes made by either verify with the other. */
class Argon2idTest {

    /** The reference implementation's own test vector (argon2 test.c: Argon2id v1.3, t=2, m=2^16 KiB, p=1). */
    private static final String REFERENCE = "09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7";

    @Test
    void bothEnginesGiveTheReferenceVector() {
        for (Argon2id engine : Argon2id.values()) {
            byte[] hash = engine.hash(bytes("password"), bytes("somesalt"), 65536, 2, 1, 32);
            assertEquals(REFERENCE, HexFormat.of().formatHex(hash), engine.name());
        }
    }

    @Test
    void bothEnginesAgreeOnAnyPasswordAndSalt() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 5; i++) {
            byte[] password = new byte[1 + random.nextInt(100)];
            byte[] salt = new byte[16];
            random.nextBytes(password);
            random.nextBytes(salt);
            assertArrayEquals(Argon2id.JAVA.hash(password, salt, 1024, 2, 1, 32), Argon2id.NATIVE.hash(password, salt, 1024, 2, 1, 32));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
