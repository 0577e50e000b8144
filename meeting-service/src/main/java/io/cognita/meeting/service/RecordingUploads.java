package io.cognita.meeting.service;

import io.cognita.meeting.domain.Meeting;
import io.cognita.meeting.domain.MeetingStatus;
import io.cognita.meeting.domain.Recording;
import io.cognita.meeting.domain.RecordingStore;
import io.cognita.meeting.domain.Upload;
import io.cognita.meeting.domain.UploadPart;
import io.cognita.meeting.repository.ParticipantRepository;
import io.cognita.meeting.repository.UploadRepository;
import io.cognita.platform.orgview.OrgView;
import io.cognita.platform.problem.FieldError;
import io.cognita.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Resumable recording uploads: init (consent, type and size checked) → parts, each idempotent by number and
 * streamed to the store outside any transaction → complete, which checks that every part is there, the total
 * size and the SHA-256 of what was stored. A checksum mismatch removes the upload and what was assembled:
 * nothing half-stored remains and the client starts again.
 */
@ApplicationScoped
public class RecordingUploads {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RecordingUploads.class);

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final MeetingService meetings;
    private final MeetingAccess access;
    private final UploadRepository uploads;
    private final ParticipantRepository participants;
    private final RecordingStore store;
    private final MeetingEvents events;
    private final OrgView orgs;
    private final Clock clock;
    private final long maxSize;
    private final long partSize;
    private final Duration ttl;
    private final Set<String> contentTypes;

    public RecordingUploads(MeetingService meetings, MeetingAccess access, UploadRepository uploads,
                            ParticipantRepository participants, RecordingStore store, MeetingEvents events, OrgView orgs,
                            Clock clock,
                            @ConfigProperty(name = "cognita.recordings.max-size") MemorySize maxSize,
                            @ConfigProperty(name = "cognita.recordings.part-size") MemorySize partSize,
                            @ConfigProperty(name = "cognita.recordings.upload-ttl") Duration ttl,
                            @ConfigProperty(name = "cognita.recordings.content-types") Set<String> contentTypes) {
        this.meetings = meetings;
        this.access = access;
        this.uploads = uploads;
        this.participants = participants;
        this.store = store;
        this.events = events;
        this.orgs = orgs;
        this.clock = clock;
        this.maxSize = maxSize.asLongValue();
        this.partSize = partSize.asLongValue();
        this.ttl = ttl;
        this.contentTypes = contentTypes;
    }

    public long partSize() {
        return partSize;
    }

    /**
     * Opens an upload. The org's recordingConsent decides: disabled → 403 RECORDING_DISABLED; required → every
     * participant who joined must have said yes, else 409 CONSENT_MISSING naming who has not.
     */
    @Transactional
    public UploadView init(UUID meetingId, UploadRequest request) {
        validate(request);
        Meeting m = meetings.find(meetingId);
        access.requireHostOrAdmin(m);
        if (m.status == MeetingStatus.SCHEDULED) {
            throw MeetingService.invalidState("A meeting that has not started has nothing to record.");
        }
        requireConsent(m);
        Upload u = new Upload();
        u.id = UUID.randomUUID();
        u.meetingId = m.id;
        u.orgId = m.orgId;
        u.fileName = request.fileName();
        u.contentType = request.contentType();
        u.sizeBytes = request.sizeBytes();
        u.sha256 = request.sha256();
        u.partSize = partSize;
        u.partCount = (int) ((request.sizeBytes() + partSize - 1) / partSize);
        u.objectKey = "recordings/" + m.orgId + "/" + m.id + "/" + u.id;
        u.status = Upload.OPEN;
        u.createdBy = access.actor();
        u.createdAt = now();
        u.expiresAt = u.createdAt.plus(ttl);
        u.storeRef = store.begin(u.objectKey, u.contentType);
        uploads.persist(u);
        return UploadView.of(u, List.of(), null);
    }

    /**
     * The org's recordingConsent: disabled → 403 RECORDING_DISABLED; required → every participant who joined must
     * have said yes, else 409 CONSENT_MISSING naming who. An org whose settings this service has not heard of yet
     * is treated as "required" (the strictest that still lets a consenting meeting record).
     */
    private void requireConsent(Meeting m) {
        String consent = orgs.profile(m.orgId).setting("recordingConsent", "required");
        if ("disabled".equals(consent)) {
            throw new ProblemException(403, "RECORDING_DISABLED", "Recording disabled",
                    "The organization does not allow recordings (settings.recordingConsent is disabled).");
        }
        if ("required".equals(consent)) {
            List<String> missing = participants.ofMeeting(m.id).stream()
                    .filter(p -> !Boolean.TRUE.equals(p.recordingConsent)).map(p -> p.userId).toList();
            if (!missing.isEmpty()) {
                throw new ProblemException(409, "CONSENT_MISSING", "Consent missing",
                        "Recording needs every participant's consent; missing: " + String.join(", ", missing) + ".",
                        missing.stream().map(u -> new FieldError("participants", u + " has not consented")).toList(), null);
            }
        }
    }

    @Transactional
    public UploadView status(UUID meetingId, UUID uploadId) {
        Upload u = authorized(meetingId, uploadId);
        return UploadView.of(u, uploads.parts(u.id), recordingOf(u));
    }

    /**
     * Stores part {@code n}, streamed from {@code body}; a part sent again replaces the first. {@code length} is
     * the declared Content-Length: at most the part size (413 PART_TOO_LARGE).
     */
    public UploadView.PartView putPart(UUID meetingId, UUID uploadId, int n, Long length, InputStream body) {
        Upload u = QuarkusTransaction.requiringNew().call(() -> open(authorized(meetingId, uploadId)));
        if (n < 1 || n > u.partCount) {
            throw ProblemException.badRequest("INVALID_PART_NUMBER", "This upload has parts 1 to " + u.partCount + ".",
                    List.of(new FieldError("n", "must be between 1 and " + u.partCount)));
        }
        if (length == null) {
            throw new ProblemException(411, "LENGTH_REQUIRED", "Length required",
                    "Send each part with a Content-Length header.");
        }
        if (length > u.partSize) {
            throw new ProblemException(413, "PART_TOO_LARGE", "Part too large",
                    "A part holds at most " + u.partSize + " bytes.");
        }
        if (length < 1) {
            throw ProblemException.badRequest("EMPTY_PART", "A part carries at least one byte.",
                    List.of(new FieldError("body", "must not be empty")));
        }
        if (n < u.partCount && length != u.partSize) {
            throw ProblemException.badRequest("PART_SIZE_INVALID", "Every part but the last holds exactly "
                    + u.partSize + " bytes.", List.of(new FieldError("body", "must be " + u.partSize + " bytes")));
        }
        RecordingStore.PartReceipt receipt;
        try {
            receipt = store.putPart(u.objectKey, u.storeRef, n, body, length);
        } catch (RecordingStore.PartTruncatedException e) {
            throw ProblemException.badRequest("PART_INCOMPLETE", "The part's body ended before its Content-Length; "
                    + "nothing was stored for it. Send it again.", List.of(new FieldError("body", e.getMessage())));
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Upload current = uploads.locked(u.id).orElseThrow(() -> uploadNotFound(u.id));
            open(current);
            UploadPart part = new UploadPart();
            part.uploadId = u.id;
            part.partNumber = n;
            part.sizeBytes = receipt.sizeBytes();
            part.sha256 = receipt.sha256();
            part.etag = receipt.etag();
            part.receivedAt = now();
            uploads.savePart(part);
            return new UploadView.PartView(n, part.sizeBytes, part.sha256, part.receivedAt);
        });
    }

    /**
     * Assembles the recording. 422 UPLOAD_INCOMPLETE (parts missing) or SIZE_MISMATCH (parts do not add up to the
     * declared size) leave the upload open to be fixed; 422 CHECKSUM_MISMATCH removes it. Completing a completed
     * upload answers its recording again.
     */
    public MeetingView.RecordingView complete(UUID meetingId, UUID uploadId) {
        record Claim(Upload upload, List<RecordingStore.PartReceipt> parts, Recording done) {
        }
        Claim claim = QuarkusTransaction.requiringNew().call(() -> {
            Upload u = authorized(meetingId, uploadId);
            u = uploads.locked(u.id).orElseThrow(() -> uploadNotFound(uploadId));
            if (Upload.COMPLETED.equals(u.status)) {
                return new Claim(u, List.of(), uploads.recordings(u.meetingId).stream()
                        .filter(r -> r.uploadId.equals(uploadId)).findFirst().orElseThrow());
            }
            open(u);
            // consent is checked again: who joined or changed their answer since upload-init counts
            requireConsent(meetings.find(u.meetingId));
            List<UploadPart> parts = uploads.parts(u.id);
            List<Integer> missing = missingParts(u, parts);
            if (!missing.isEmpty()) {
                throw new ProblemException(422, "UPLOAD_INCOMPLETE", "Upload incomplete",
                        "Parts not received yet: " + missing + ".", List.of(new FieldError("parts", "missing " + missing)), null);
            }
            long total = parts.stream().mapToLong(p -> p.sizeBytes).sum();
            if (total != u.sizeBytes) {
                throw new ProblemException(422, "SIZE_MISMATCH", "Size mismatch", "The parts hold " + total
                        + " bytes; the upload declared " + u.sizeBytes + ". Send the wrong parts again.");
            }
            u.status = Upload.COMPLETING;
            return new Claim(u, parts.stream().map(p -> new RecordingStore.PartReceipt(p.partNumber, p.sizeBytes, p.sha256,
                    p.etag)).toList(), null);
        });
        if (claim.done() != null) {
            return MeetingView.RecordingView.of(claim.done());
        }
        Upload u = claim.upload();
        RecordingStore.Assembled assembled;
        try {
            assembled = store.complete(u.objectKey, u.storeRef, claim.parts());
        } catch (RuntimeException e) {
            // whatever was assembled goes, so no object is left without a row; the upload is open again (if its
            // parts went with the failure, completing fails again and the upload expires and is removed)
            deleteQuietly(u.objectKey);
            QuarkusTransaction.requiringNew().run(() -> uploads.locked(u.id).ifPresent(x -> x.status = Upload.OPEN));
            throw e;
        }
        if (assembled.sizeBytes() != u.sizeBytes || !assembled.sha256().equals(u.sha256)) {
            store.delete(u.objectKey);
            QuarkusTransaction.requiringNew().run(() -> uploads.locked(u.id).ifPresent(uploads::delete));
            boolean sizeWrong = assembled.sizeBytes() != u.sizeBytes;
            throw new ProblemException(422, sizeWrong ? "SIZE_MISMATCH" : "CHECKSUM_MISMATCH",
                    sizeWrong ? "Size mismatch" : "Checksum mismatch",
                    "The stored recording " + (sizeWrong ? "holds " + assembled.sizeBytes() + " bytes, not " + u.sizeBytes
                            : "has SHA-256 " + assembled.sha256() + ", not the declared " + u.sha256)
                            + "; nothing was kept. Start a new upload.");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Upload current = uploads.locked(u.id).orElseThrow(() -> uploadNotFound(u.id));
            Meeting m = meetings.find(current.meetingId);
            current.status = Upload.COMPLETED;
            Recording r = new Recording();
            r.id = UUID.randomUUID();
            r.meetingId = m.id;
            r.orgId = m.orgId;
            r.uploadId = current.id;
            r.fileName = current.fileName;
            r.contentType = current.contentType;
            r.sizeBytes = assembled.sizeBytes();
            r.sha256 = assembled.sha256();
            r.location = current.objectKey;
            r.createdAt = now();
            uploads.persistRecording(r);
            events.recordingUploaded(m, r, store.name());
            return MeetingView.RecordingView.of(r);
        });
    }

    private void deleteQuietly(String objectKey) {
        try {
            store.delete(objectKey);
        } catch (RuntimeException e) {
            LOG.warnf("could not delete %s after a failed completion (housekeeping removes it with the upload): %s",
                    objectKey, e.toString());
        }
    }

    private Upload authorized(UUID meetingId, UUID uploadId) {
        Meeting m = meetings.find(meetingId);
        access.requireHostOrAdmin(m);
        Upload u = uploads.findByIdOptional(uploadId).orElseThrow(() -> uploadNotFound(uploadId));
        if (!u.meetingId.equals(m.id)) {
            throw uploadNotFound(uploadId);
        }
        return u;
    }

    private Upload open(Upload u) {
        if (Upload.COMPLETED.equals(u.status)) {
            throw ProblemException.conflict("UPLOAD_COMPLETED", "Upload completed", "This upload is complete; parts can no longer change.");
        }
        if (Upload.COMPLETING.equals(u.status)) {
            throw ProblemException.conflict("UPLOAD_COMPLETING", "Upload being completed", "This upload is being completed.");
        }
        if (u.expiresAt.isBefore(clock.instant())) {
            throw new ProblemException(410, "UPLOAD_EXPIRED", "Upload expired", "This upload expired at " + u.expiresAt
                    + "; start a new one.");
        }
        return u;
    }

    private java.util.UUID recordingOf(Upload u) {
        return Upload.COMPLETED.equals(u.status) ? uploads.recordings(u.meetingId).stream()
                .filter(r -> r.uploadId.equals(u.id)).map(r -> r.id).findFirst().orElse(null) : null;
    }

    private static List<Integer> missingParts(Upload u, List<UploadPart> parts) {
        boolean[] seen = new boolean[u.partCount + 1];
        parts.forEach(p -> seen[p.partNumber] = true);
        return java.util.stream.IntStream.rangeClosed(1, u.partCount).filter(n -> !seen[n]).boxed().limit(50).toList();
    }

    private void validate(UploadRequest r) {
        List<FieldError> errors = new java.util.ArrayList<>();
        String name = r.fileName();
        if (name == null || name.isBlank() || name.length() > 255) {
            errors.add(new FieldError("fileName", "must be 1 to 255 characters"));
        } else if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            errors.add(new FieldError("fileName", "must be a plain file name (no path, no control characters)"));
        }
        if (r.contentType() == null || !contentTypes.contains(r.contentType())) {
            errors.add(new FieldError("contentType", "must be one of " + String.join(", ", new java.util.TreeSet<>(contentTypes))));
        }
        if (r.sizeBytes() < 1 || r.sizeBytes() > maxSize) {
            errors.add(new FieldError("sizeBytes", "must be between 1 and " + maxSize));
        }
        if (r.sha256() == null || !SHA256.matcher(r.sha256()).matches()) {
            errors.add(new FieldError("sha256", "must be 64 lowercase hex digits"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("VALIDATION_FAILED", "The upload request is invalid.", errors);
        }
    }

    static ProblemException uploadNotFound(UUID uploadId) {
        return ProblemException.notFound("UPLOAD_NOT_FOUND", "Upload not found", "No upload " + uploadId + " for this meeting.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

}
