package io.cognita.org.service;

import io.cognita.org.domain.BillingPlan;
import io.cognita.org.domain.Entitlements;
import io.cognita.org.domain.FeatureFlags;
import io.cognita.org.domain.Invoice;
import io.cognita.org.domain.Organization;
import io.cognita.org.domain.OrganizationSnapshot;
import io.cognita.org.domain.PaymentMethod;
import io.cognita.org.domain.Plan;
import io.cognita.org.repository.BillingRepositories;
import io.cognita.platform.auth.Caller;
import io.cognita.platform.outbox.Outbox;
import io.cognita.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Billing: the plan catalog and its entitlements, the org's subscription (plan, trial), usage per period
 * (from usage.recorded), invoices of closed periods and the payment method reference.
 */
@ApplicationScoped
public class BillingService {

    static final String PLAN_CHANGED = "org.plan-changed";
    public static final String TRANSCRIPTION_MINUTES = "transcription-minutes";

    public record Subscription(String plan, String status, Instant trialEndDate, String currentPeriod,
                               int monthlyPriceCents, String currency) {
    }

    public record UsageThisPeriod(String period, long transcriptionMinutes, long includedMinutes) {
    }

    public record PaymentMethodView(String reference, String brand, String last4) {
    }

    public record BillingOverview(UUID orgId, String billingAccountId, Subscription subscription, Entitlements entitlements,
                                  PaymentMethodView paymentMethod, UsageThisPeriod usage, List<InvoiceView> invoices) {
    }

    /** An invoice as the API shows it (the entity stays inside the service). */
    public record InvoiceView(UUID invoiceId, UUID orgId, String period, String plan, List<Invoice.Line> lines,
                              long totalCents, String currency, Instant issuedAt) {
        public static InvoiceView of(Invoice invoice) {
            return new InvoiceView(invoice.id, invoice.orgId, invoice.period, invoice.plan, List.copyOf(invoice.lines),
                    invoice.totalCents, invoice.currency, invoice.issuedAt);
        }
    }

    public record PlanChanged(UUID orgId, String fromPlan, String toPlan, Entitlements entitlements, FeatureFlags featureFlags) {
    }

    private final Organizations orgs;
    private final OrgAccess access;
    private final Caller caller;
    private final BillingRepositories.Plans plans;
    private final BillingRepositories.Invoices invoices;
    private final BillingRepositories.PaymentMethods paymentMethods;
    private final BillingRepositories.Usage usage;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;
    private final TenantConfigService config;

    public BillingService(Organizations orgs, OrgAccess access, Caller caller, BillingRepositories.Plans plans,
                          BillingRepositories.Invoices invoices, BillingRepositories.PaymentMethods paymentMethods,
                          BillingRepositories.Usage usage, AuditLog audit, Outbox outbox, Clock clock,
                          TenantConfigService config) {
        this.orgs = orgs;
        this.access = access;
        this.caller = caller;
        this.plans = plans;
        this.invoices = invoices;
        this.paymentMethods = paymentMethods;
        this.usage = usage;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /** Admins with billing:read (or system admins): the whole picture. */
    @Transactional
    public BillingOverview overview(UUID orgId) {
        access.requireAdministrator(orgId);
        requireScope("billing:read");
        Organization org = orgs.find(orgId);
        Plan plan = plans.findById(org.billingPlan);
        String period = period(clock.instant());
        PaymentMethod pm = paymentMethods.findById(orgId);
        Instant now = clock.instant();
        String status = org.suspended ? "suspended" : org.trialEndDate != null && org.trialEndDate.isAfter(now) ? "trialing" : "active";
        return new BillingOverview(orgId, org.billingAccountId,
                new Subscription(org.billingPlan.wire(), status, org.trialEndDate, period, plan.monthlyPriceCents, plan.currency),
                plan.entitlements, pm == null ? null : new PaymentMethodView(pm.reference, pm.brand, pm.last4),
                new UsageThisPeriod(period, usage.quantity(orgId, period, TRANSCRIPTION_MINUTES),
                        plan.entitlements.transcriptionMinutesPerMonth()),
                invoices.recent(orgId, 12).stream().map(InvoiceView::of).toList());
    }

    /** The owner with billing:write (or a system admin); the plan's features follow at once (Plan#flagsOnChangeTo). */
    @Transactional
    public BillingOverview changePlan(UUID orgId, BillingPlan to) {
        access.requireOwner(orgId);
        requireScope("billing:write");
        Organization org = orgs.findForUpdate(orgId);
        access.requireWritable(orgId);
        if (org.billingPlan == to) {
            return overview(orgId);
        }
        OrganizationSnapshot before = OrganizationSnapshot.of(org);
        BillingPlan from = org.billingPlan;
        Plan plan = plans.findById(to);
        org.featureFlags = plans.findById(from).flagsOnChangeTo(plan, org.featureFlags);
        org.billingPlan = to;
        org.updatedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        audit.record(orgId, access.actor(), PLAN_CHANGED, Organizations.target(orgId), before, OrganizationSnapshot.of(org));
        outbox.record(PLAN_CHANGED, orgId.toString(), Organizations.target(orgId),
                new PlanChanged(orgId, from.wire(), to.wire(), plan.entitlements, config.effectiveFlags(org)));
        return overview(orgId);
    }

    /** Allowed while the org is suspended: settling the payment is how an owner gets a suspension lifted. */
    @Transactional
    public PaymentMethodView setPaymentMethod(UUID orgId, String reference, String brand, String last4) {
        access.requireOwner(orgId);
        requireScope("billing:write");
        orgs.find(orgId);
        PaymentMethod pm = paymentMethods.findById(orgId);
        if (pm == null) {
            pm = new PaymentMethod();
            pm.orgId = orgId;
            pm.reference = reference;
            pm.brand = brand;
            pm.last4 = last4;
            pm.updatedAt = clock.instant();
            paymentMethods.persist(pm);
        } else {
            pm.reference = reference;
            pm.brand = brand;
            pm.last4 = last4;
            pm.updatedAt = clock.instant();
        }
        audit.record(orgId, access.actor(), "org.payment-method-set", Organizations.target(orgId), null,
                Map.of("brand", brand, "last4", last4));
        return new PaymentMethodView(reference, brand, last4);
    }

    /**
     * usage.recorded: counted in the transaction of the inbox record, so a redelivery counts nothing. Usage of a
     * period already invoiced is counted in the current period instead, so it is billed once, on the next invoice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordUsage(UUID orgId, String meter, long quantity, Instant at) {
        String period = period(at);
        if (invoices.exists(orgId, period)) {
            period = period(clock.instant());
        }
        usage.add(orgId, period, meter, quantity);
    }

    /**
     * The invoice of a closed period (idempotent): the plan's price, waived for a period that ends within the
     * trial, plus the minutes beyond the included ones. {@code actor} is the system admin or the billing job.
     */
    @Transactional
    public Invoice closePeriod(UUID orgId, YearMonth month, String actor) {
        String period = month.toString();
        if (!month.isBefore(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)))) {
            throw new ProblemException(422, "PERIOD_NOT_CLOSED", "Period not closed", "Only past periods are invoiced.");
        }
        Organization org = orgs.find(orgId);
        if (invoices.exists(orgId, period)) {
            return invoices.find("orgId = ?1 and period = ?2", orgId, period).firstResult();
        }
        Plan plan = plans.findById(org.billingPlan);
        Instant periodEnd = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean trial = org.trialEndDate != null && !org.trialEndDate.isBefore(periodEnd);
        long minutes = usage.quantity(orgId, period, TRANSCRIPTION_MINUTES);
        long overage = Math.max(0, minutes - plan.entitlements.transcriptionMinutesPerMonth());
        List<Invoice.Line> lines = new ArrayList<>();
        int planPrice = trial ? 0 : plan.monthlyPriceCents;
        lines.add(new Invoice.Line("Plan " + plan.code.wire() + " " + period + (trial ? " (trial)" : ""), 1, planPrice, planPrice));
        if (overage > 0) {
            lines.add(new Invoice.Line("Transcription minutes beyond " + plan.entitlements.transcriptionMinutesPerMonth(),
                    overage, plan.overageCentsPerMinute, overage * plan.overageCentsPerMinute));
        }
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.orgId = orgId;
        invoice.period = period;
        invoice.plan = plan.code.wire();
        invoice.lines = lines;
        invoice.totalCents = lines.stream().mapToLong(Invoice.Line::amountCents).sum();
        invoice.currency = plan.currency;
        invoice.issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        invoices.persist(invoice);
        audit.record(orgId, actor, "org.invoice-issued", Organizations.target(orgId) + "/invoices/" + period, null,
                Map.of("period", period, "totalCents", invoice.totalCents, "currency", invoice.currency));
        return invoice;
    }

    /** The org's entitlements (for limits such as maxMembers). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Entitlements entitlements(Organization org) {
        return plans.findById(org.billingPlan).entitlements;
    }

    private void requireScope(String scope) {
        if (!caller.isSystemAdmin()) {
            caller.requireScope(scope);
        }
    }

    static String period(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC)).toString();
    }
}
