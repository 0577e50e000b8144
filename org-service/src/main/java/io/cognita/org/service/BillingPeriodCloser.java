package io.cognita.org.service;

import io.cognita.org.repository.BillingRepositories;
import io.cognita.platform.jobs.ExclusiveRun;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The billing job: once a month has ended, every org that existed during it and is not deleted gets its
 * invoice for it. Each org in a transaction of its own, so one failure does not hold back the others. One
 * replica runs it at a time ({@link ExclusiveRun}); a run repeated anyway (a restart) issues nothing twice, as
 * invoices are unique per period.
 */
@ApplicationScoped
public class BillingPeriodCloser {

    static final String ACTOR = "system:billing-job";
    private static final Logger LOG = Logger.getLogger(BillingPeriodCloser.class);

    private final BillingRepositories.Invoices invoices;
    private final BillingService billing;
    private final Clock clock;
    private final ExclusiveRun exclusive;

    public BillingPeriodCloser(BillingRepositories.Invoices invoices, BillingService billing, Clock clock,
                               ExclusiveRun exclusive) {
        this.exclusive = exclusive;
        this.invoices = invoices;
        this.billing = billing;
        this.clock = clock;
    }

    @Scheduled(every = "${cognita.billing.close-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2m")
    void run() {
        int issued = exclusive.ifFree("org.billing-job", this::closeLastPeriod).orElse(0);
        if (issued > 0) {
            LOG.infof("billing: %d invoice(s) issued", issued);
        }
    }

    /** Issues the invoices of the month before the current one still missing; returns how many. */
    public int closeLastPeriod() {
        YearMonth last = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).minusMonths(1);
        Instant periodEnd = last.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> invoices.orgsToInvoice(last.toString(), periodEnd));
        int issued = 0;
        for (UUID orgId : due) {
            try {
                billing.closePeriod(orgId, last, ACTOR);
                issued++;
            } catch (RuntimeException e) {
                boolean issuedMeanwhile = QuarkusTransaction.requiringNew().call(() -> invoices.exists(orgId, last.toString()));
                if (!issuedMeanwhile) { // else another replica's run issued it first: nothing failed
                    LOG.warnf("billing: the invoice of %s for %s failed (next run retries): %s", orgId, last, e.toString());
                }
            }
        }
        return issued;
    }
}
