package io.cognita.transcription.service;

import io.cognita.platform.jobs.ExclusiveRun;
import io.cognita.platform.orgview.OrgView;
import io.cognita.platform.validation.RetentionDurationSyntax;
import io.cognita.platform.workspaceview.WorkspaceDirectory;
import io.cognita.transcription.repository.MeetingDirectory;
import io.cognita.transcription.repository.TranscriptRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * transcription-service's data hygiene, on one replica at a time: transcripts (with their segments and
 * translations) older than the org's {@code retentionPolicy.transcripts} are deleted; a deleted org's transcripts
 * and views are purged once {@code cognita.org.purge-grace} has passed since its deletion.
 */
@ApplicationScoped
public class TranscriptHousekeeping {

    private static final Logger LOG = Logger.getLogger(TranscriptHousekeeping.class);

    private final TranscriptRepository transcripts;
    private final MeetingDirectory meetings;
    private final WorkspaceDirectory workspaces;
    private final OrgView orgs;
    private final ExclusiveRun exclusive;
    private final Clock clock;
    private final Duration grace;

    public TranscriptHousekeeping(TranscriptRepository transcripts, MeetingDirectory meetings, WorkspaceDirectory workspaces, OrgView orgs,
                                  ExclusiveRun exclusive, Clock clock, @ConfigProperty(name = "cognita.org.purge-grace") Duration grace) {
        this.transcripts = transcripts;
        this.meetings = meetings;
        this.workspaces = workspaces;
        this.orgs = orgs;
        this.exclusive = exclusive;
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(every = "${cognita.transcripts.janitor-every}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        exclusive.ifFree("transcription.housekeeping", () -> {
            int expired = applyRetention();
            int purged = purgeDeletedOrgs();
            if (expired + purged > 0) {
                LOG.infof("housekeeping: %d transcript(s) past retention deleted, %d of deleted organizations purged", expired, purged);
            }
            return null;
        });
    }

    /** Every org's transcripts older than its retention ("indefinite" or unknown keeps them). */
    public int applyRetention() {
        int n = 0;
        for (UUID orgId : QuarkusTransaction.requiringNew().call(transcripts::orgs)) {
            try {
                Duration keep = RetentionDurationSyntax.toDuration(orgs.profile(orgId).retention("transcripts"));
                if (keep != null) {
                    n += QuarkusTransaction.requiringNew().call(() -> transcripts.deleteOlderThan(orgId, clock.instant().minus(keep)));
                }
            } catch (RuntimeException e) {
                LOG.warnf("housekeeping: retention of org %s not applied yet (%s)", orgId, e.toString());
            }
        }
        return n;
    }

    public int purgeDeletedOrgs() {
        int n = 0;
        for (UUID orgId : orgs.deletedBefore(clock.instant().minus(grace), 100)) {
            n += QuarkusTransaction.requiringNew().call(() -> {
                int removed = transcripts.deleteOfOrg(orgId);
                meetings.forgetOrg(orgId);
                workspaces.removeOrg(orgId);
                orgs.forget(orgId);
                return removed;
            });
        }
        return n;
    }
}
