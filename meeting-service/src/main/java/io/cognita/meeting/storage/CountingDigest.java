package io.cognita.meeting.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counts and SHA-256-hashes the bytes read through it, and never reads beyond {@code limit} (+1, to tell). */
final class CountingDigest extends FilterInputStream {

    private final MessageDigest sha256;
    private final long limit;
    private long count;
    private boolean readFailed;

    CountingDigest(InputStream in, long limit) {
        super(in);
        this.limit = limit;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        if (count > limit) {
            return -1;
        }
        int b = guarded(super::read);
        if (b >= 0) {
            sha256.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (count > limit) {
            return -1;
        }
        int n = guarded(() -> super.read(buf, off, (int) Math.min(len, limit + 1 - count)));
        if (n > 0) {
            sha256.update(buf, off, n);
            count += n;
        }
        return n;
    }

    private interface Read {
        int read() throws IOException;
    }

    private int guarded(Read read) throws IOException {
        try {
            return read.read();
        } catch (IOException e) {
            readFailed = true;
            throw e;
        }
    }

    /** Whether reading the source failed (a client that went away), as opposed to the destination. */
    boolean readFailed() {
        return readFailed;
    }

    long count() {
        return count;
    }

    String hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
