package io.cognita.org.repository;

import io.cognita.org.domain.BillingPlan;
import io.cognita.org.domain.Invoice;
import io.cognita.org.domain.PaymentMethod;
import io.cognita.org.domain.Plan;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The billing tables: plan catalog, invoices, payment methods and usage counters. */
public final class BillingRepositories {

    private BillingRepositories() {
    }

    @ApplicationScoped
    public static class Plans implements PanacheRepositoryBase<Plan, BillingPlan> {
    }

    @ApplicationScoped
    public static class Invoices implements PanacheRepositoryBase<Invoice, UUID> {
        public List<Invoice> recent(UUID orgId, int limit) {
            return find("orgId = ?1 order by period desc", orgId).page(0, limit).list();
        }

        public boolean exists(UUID orgId, String period) {
            return count("orgId = ?1 and period = ?2", orgId, period) > 0;
        }

        /** The live orgs created before {@code periodEnd} that have no invoice for {@code period}. */
        public List<UUID> orgsToInvoice(String period, Instant periodEnd) {
            return getEntityManager().createQuery("select o.id from Organization o where o.deletedAt is null "
                            + "and o.createdAt < :end and not exists (select 1 from Invoice i where i.orgId = o.id "
                            + "and i.period = :period) order by o.id", UUID.class)
                    .setParameter("end", periodEnd).setParameter("period", period).getResultList();
        }
    }

    @ApplicationScoped
    public static class PaymentMethods implements PanacheRepositoryBase<PaymentMethod, UUID> {
    }

    @ApplicationScoped
    public static class Usage {
        private final EntityManager em;

        public Usage(EntityManager em) {
            this.em = em;
        }

        public void add(UUID orgId, String period, String meter, long quantity) {
            em.createNativeQuery("INSERT INTO usage_records (org_id, period, meter, quantity) VALUES (:o, :p, :m, :q) "
                            + "ON CONFLICT (org_id, period, meter) DO UPDATE SET quantity = usage_records.quantity + EXCLUDED.quantity")
                    .setParameter("o", orgId).setParameter("p", period).setParameter("m", meter).setParameter("q", quantity)
                    .executeUpdate();
        }

        public long quantity(UUID orgId, String period, String meter) {
            @SuppressWarnings("unchecked")
            List<Number> rows = em.createNativeQuery("SELECT quantity FROM usage_records WHERE org_id = :o AND period = :p AND meter = :m")
                    .setParameter("o", orgId).setParameter("p", period).setParameter("m", meter).getResultList();
            return rows.isEmpty() ? 0 : rows.get(0).longValue();
        }
    }
}
