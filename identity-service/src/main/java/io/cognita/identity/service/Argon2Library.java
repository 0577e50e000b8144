package io.cognita.identity.service;

import com.sun.jna.Library;

/** The one call of the Argon2 reference implementation (Debian's libargon2-1) that password hashing needs. */
interface Argon2Library extends Library {

    /** Argon2id, version 1.3, raw output; 0 on success, a negative ARGON2_* error code otherwise. */
    int argon2id_hash_raw(int iterations, int memoryKib, int parallelism, byte[] password, long passwordLength,
                          byte[] salt, long saltLength, byte[] hash, long hashLength);
}
