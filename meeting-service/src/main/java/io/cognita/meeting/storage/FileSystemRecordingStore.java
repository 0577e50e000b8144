package io.cognita.meeting.storage;

import io.cognita.meeting.domain.RecordingStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Recordings in a directory: parts under {@code uploads/<handle>/}, each attempt written to a temporary file and
 * moved into place, assembled by streaming the recorded attempts in order into the object's file while hashing.
 * Every path is resolved under the root and checked to stay there.
 */
public class FileSystemRecordingStore implements RecordingStore {

    private final Path root;

    public FileSystemRecordingStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root.resolve("uploads"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the recordings directory " + this.root, e);
        }
    }

    @Override
    public String name() {
        return "fs";
    }

    @Override
    public String begin(String objectKey, String contentType) {
        // the object key ends in the upload's id: its parts' directory is named after it
        String handle = Path.of(objectKey).getFileName().toString();
        try {
            Files.createDirectories(inside("uploads/" + handle));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return handle;
    }

    /**
     * Each attempt at a part is a file of its own ({@code <n>.part.<attempt>}); the attempt is the receipt's etag,
     * which the service records with the part. Assembly reads the recorded attempt, so two racing sends of one
     * part can never leave the database describing one file while another is assembled.
     */
    @Override
    public PartReceipt putPart(String objectKey, String storeRef, int partNumber, InputStream body, long length) {
        Path dir = inside("uploads/" + storeRef);
        String attempt = UUID.randomUUID().toString();
        Path temp = dir.resolve(attempt + ".tmp");
        CountingDigest in = new CountingDigest(body, length);
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                in.transferTo(out);
            }
            if (in.count() != length) {
                throw new PartTruncatedException(length, in.count());
            }
            Files.move(temp, dir.resolve(partNumber + ".part." + attempt), StandardCopyOption.ATOMIC_MOVE);
            return new PartReceipt(partNumber, length, in.hex(), attempt);
        } catch (IOException e) {
            if (in.readFailed()) {
                throw new PartTruncatedException(length, in.count());
            }
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public Assembled complete(String objectKey, String storeRef, List<PartReceipt> parts) {
        Path dir = inside("uploads/" + storeRef);
        Path target = inside(objectKey);
        Path temp = dir.resolve("assembled." + UUID.randomUUID());
        try {
            long size = 0;
            String sha256 = null;
            try (OutputStream out = Files.newOutputStream(temp)) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                for (PartReceipt part : parts) {
                    Path file = dir.resolve(part.partNumber() + ".part." + Path.of(part.etag()).getFileName());
                    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                        size += in.transferTo(out);
                    }
                }
                sha256 = HexFormat.of().formatHex(digest.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            Files.createDirectories(target.getParent());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            abort(objectKey, storeRef);
            return new Assembled(size, sha256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public InputStream open(String objectKey) {
        try {
            return Files.newInputStream(inside(objectKey));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void abort(String objectKey, String storeRef) {
        Path dir = inside("uploads/" + storeRef);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(FileSystemRecordingStore::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String objectKey) {
        try {
            Files.deleteIfExists(inside(objectKey));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code relative} under the root; anything that would resolve outside it is refused. */
    Path inside(String relative) {
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("path escapes the recordings directory: " + relative);
        }
        return path;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover temporary file is removed with its upload's directory
        }
    }
}
