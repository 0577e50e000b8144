package io.cognita.meeting.service;

import io.cognita.meeting.domain.Meeting;
import io.cognita.meeting.domain.Recording;
import io.cognita.meeting.domain.RecordingStore;
import io.cognita.meeting.domain.Upload;
import io.cognita.meeting.repository.MeetingRepository;
import io.cognita.meeting.repository.UploadRepository;
import io.cognita.platform.workspaceview.WorkspaceDirectory;
import io.cognita.platform.jobs.ExclusiveRun;
import io.cognita.platform.orgview.OrgView;
import io.cognita.platform.validation.RetentionDurationSyntax;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * meeting-service's data hygiene, on one replica at a time: uploads past their expiry are aborted (their parts
 * removed from the store), recordings older than the org's {@code retentionPolicy.recordings} are deleted, and a
 * deleted org's meetings and recordings are purged after the grace period. Store objects are deleted before
 * their rows, so a crash in between leaves a row whose object is gone, which the next run removes again.
 */
@ApplicationScoped
public class MeetingHousekeeping {

    private static final Logger LOG = Logger.getLogger(MeetingHousekeeping.class);

    private final UploadRepository uploads;
    private final MeetingRepository meetings;
    private final WorkspaceDirectory workspaces;
    private final RecordingStore store;
    private final OrgView orgs;
    private final ExclusiveRun exclusive;
    private final Clock clock;
    private final Duration grace;

    public MeetingHousekeeping(UploadRepository uploads, MeetingRepository meetings, WorkspaceDirectory workspaces,
                               RecordingStore store, OrgView orgs, ExclusiveRun exclusive, Clock clock,
                               @ConfigProperty(name = "cognita.org.purge-grace") Duration grace) {
        this.uploads = uploads;
        this.meetings = meetings;
        this.workspaces = workspaces;
        this.store = store;
        this.orgs = orgs;
        this.exclusive = exclusive;
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(every = "${cognita.recordings.janitor-every}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        exclusive.ifFree("meeting.housekeeping", () -> {
            int aborted = abortExpiredUploads();
            int expired = 0;
            for (UUID orgId : QuarkusTransaction.requiringNew().call(uploads::orgsWithRecordings)) {
                try {
                    expired += applyRetention(orgId, orgs.profile(orgId).retention("recordings"));
                } catch (RuntimeException e) {
                    LOG.warnf("housekeeping: retention of org %s not applied yet (%s)", orgId, e.toString());
                }
            }
            int purged = purgeDeletedOrgs();
            if (aborted + expired + purged > 0) {
                LOG.infof("housekeeping: %d expired upload(s) aborted, %d recording(s) past retention deleted, "
                        + "%d meeting(s) of deleted organizations purged", aborted, expired, purged);
            }
            return null;
        });
    }

    public int abortExpiredUploads() {
        List<Upload> expired = QuarkusTransaction.requiringNew().call(() -> uploads.expired(clock.instant(), 500));
        int n = 0;
        for (Upload u : expired) {
            try {
                discard(u);
                QuarkusTransaction.requiringNew().run(() -> uploads.findByIdOptional(u.id).ifPresent(uploads::delete));
                n++;
            } catch (RuntimeException e) {
                LOG.warnf("housekeeping: upload %s not removed yet (%s); the next run tries again", u.id, e.toString());
            }
        }
        return n;
    }

    /** Deletes the org's recordings older than {@code retention} ("30d"; null or "indefinite" keeps them). */
    public int applyRetention(UUID orgId, String retention) {
        Duration keep = RetentionDurationSyntax.toDuration(retention);
        if (keep == null) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(keep);
        int n = 0;
        List<Recording> old;
        do {
            old = QuarkusTransaction.requiringNew().call(() -> uploads.recordingsOfOrgBefore(orgId, cutoff, 200));
            for (Recording r : old) {
                store.delete(r.location);
                QuarkusTransaction.requiringNew().run(() -> uploads.recording(r.id).ifPresent(uploads::deleteRecording));
                n++;
            }
        } while (!old.isEmpty());
        return n;
    }

    public int purgeDeletedOrgs() {
        int n = 0;
        for (UUID orgId : orgs.deletedBefore(clock.instant().minus(grace), 100)) {
            try {
                n += purgeOrg(orgId);
            } catch (RuntimeException e) {
                LOG.warnf("housekeeping: deleted org %s not purged yet (%s); the next run tries again", orgId, e.toString());
            }
        }
        return n;
    }

    /** An unfinished upload's parts, and anything assembled of it, leave the store. */
    private void discard(Upload u) {
        store.abort(u.objectKey, u.storeRef);
        store.delete(u.objectKey);
    }

    int purgeOrg(UUID orgId) {
        for (Recording r : QuarkusTransaction.requiringNew().call(() -> uploads.recordingsOfOrg(orgId))) {
            store.delete(r.location);
        }
        for (Upload u : QuarkusTransaction.requiringNew().call(() -> uploads.unfinishedOfOrg(orgId))) {
            discard(u);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            int removed = (int) meetings.deleteOfOrg(orgId);
            workspaces.removeOrg(orgId);
            orgs.forget(orgId);
            return removed;
        });
    }

    /** workspace.deleted: the workspace's meetings and recordings go (objects first; a redelivery finishes the job). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void workspaceDeleted(UUID workspaceId) {
        for (Meeting m : meetings.ofWorkspace(workspaceId)) {
            for (Recording r : uploads.recordings(m.id)) {
                store.delete(r.location);
            }
            for (Upload u : uploads.unfinishedOfMeeting(m.id)) {
                discard(u);
            }
            meetings.delete(m);
        }
        workspaces.removeWorkspace(workspaceId);
    }
}
