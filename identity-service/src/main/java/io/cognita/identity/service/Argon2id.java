package io.cognita.identity.service;

import com.sun.jna.Native;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (version 1.3) raw hashes. {@link #NATIVE} calls the reference C implementation (Debian's libargon2-1,
 * about five times the speed of the pure-Java one and without 19 MiB of garbage per hash); {@link #JAVA} is Bouncy
 * Castle's, for where that library cannot be installed. Both compute the same bytes (RFC 9106).
 */
public enum Argon2id {

    NATIVE {
        private volatile Argon2Library library;

        @Override
        public byte[] hash(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
            byte[] out = new byte[length];
            int status = library().argon2id_hash_raw(iterations, memoryKib, parallelism, password, password.length, salt,
                    salt.length, out, out.length);
            if (status != 0) {
                throw new IllegalArgumentException("argon2id_hash_raw failed with code " + status);
            }
            return out;
        }

        @Override
        public void load() {
            library();
        }

        private Argon2Library library() {
            Argon2Library loaded = library;
            if (loaded == null) {
                try {
                    loaded = Native.load("argon2", Argon2Library.class);
                } catch (UnsatisfiedLinkError e) {
                    throw new IllegalStateException("libargon2 is not installed (Debian: libargon2-1); install it or set "
                            + "cognita.identity.argon2.engine=java (COGNITA_ARGON2_ENGINE=java) for the slower pure-Java one", e);
                }
                library = loaded;
            }
            return loaded;
        }
    },

    JAVA {
        @Override
        public byte[] hash(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism).withSalt(salt).build());
            byte[] out = new byte[length];
            generator.generateBytes(password, out);
            return out;
        }
    };

    public abstract byte[] hash(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length);

    /** Fails now, at start-up, rather than at the first sign-in when the implementation is not available. */
    public void load() {
    }
}
