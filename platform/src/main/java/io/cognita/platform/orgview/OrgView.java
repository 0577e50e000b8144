package io.cognita.platform.orgview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * This service's own view of organizations, learnt from org-service's events (never by calling it): who is a
 * member in which role, and each org's settings, retention, entitlements and flags. Fed by {@link OrgViewFeed}
 * in a service with {@code cognita.org-view.enabled=true}; a removal takes effect as soon as its event is
 * consumed (seconds), not at token expiry.
 */
@ApplicationScoped
public class OrgView {

    private final EntityManager em;
    private final ObjectMapper json;

    public OrgView(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** The user's role in the org, if a member. */
    @Transactional
    public Optional<OrgRole> role(UUID orgId, String userId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("SELECT role FROM org_memberships WHERE org_id = :o AND user_id = :u")
                .setParameter("o", orgId).setParameter("u", userId).getResultList();
        return rows.stream().findFirst().map(OrgRole::fromWire);
    }

    @Transactional
    public OrgProfile profile(UUID orgId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT CAST(settings AS text), CAST(retention AS text), "
                        + "CAST(entitlements AS text), CAST(feature_flags AS text), deleted_at FROM org_profiles WHERE org_id = :o")
                .setParameter("o", orgId).getResultList();
        if (rows.isEmpty()) {
            return OrgProfile.unknown(orgId);
        }
        Object[] row = rows.get(0);
        return new OrgProfile(orgId, parse(row[0]), parse(row[1]), parse(row[2]), parse(row[3]), instant(row[4]));
    }

    /** Orgs deleted before {@code cutoff} (their grace period over), oldest first. */
    @Transactional
    public List<UUID> deletedBefore(Instant cutoff, int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> rows = em.createNativeQuery("SELECT org_id FROM org_profiles WHERE deleted_at < :c ORDER BY deleted_at",
                UUID.class).setParameter("c", cutoff).setMaxResults(limit).getResultList();
        return rows;
    }

    /** Forgets a purged org (its memberships and profile), so the purge does not find it again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(UUID orgId) {
        em.createNativeQuery("DELETE FROM org_memberships WHERE org_id = :o").setParameter("o", orgId).executeUpdate();
        em.createNativeQuery("DELETE FROM org_profiles WHERE org_id = :o").setParameter("o", orgId).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void member(UUID orgId, String userId, OrgRole role) {
        em.createNativeQuery("INSERT INTO org_memberships (org_id, user_id, role, updated_at) VALUES (:o, :u, :r, now()) "
                        + "ON CONFLICT (org_id, user_id) DO UPDATE SET role = EXCLUDED.role, updated_at = now()")
                .setParameter("o", orgId).setParameter("u", userId).setParameter("r", role.wire()).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void noLongerMember(UUID orgId, String userId) {
        em.createNativeQuery("DELETE FROM org_memberships WHERE org_id = :o AND user_id = :u")
                .setParameter("o", orgId).setParameter("u", userId).executeUpdate();
    }

    /** A user deleted from the platform leaves every org. */
    @Transactional(Transactional.TxType.MANDATORY)
    void userDeleted(String userId) {
        em.createNativeQuery("DELETE FROM org_memberships WHERE user_id = :u").setParameter("u", userId).executeUpdate();
    }

    /** Stores the parts given (null parts keep what is stored). */
    @Transactional(Transactional.TxType.MANDATORY)
    void profile(UUID orgId, JsonNode settings, JsonNode retention, JsonNode entitlements, JsonNode flags) {
        em.createNativeQuery("INSERT INTO org_profiles (org_id, settings, retention, entitlements, feature_flags, updated_at) "
                        + "VALUES (:o, CAST(:s AS jsonb), CAST(:r AS jsonb), CAST(:e AS jsonb), CAST(:f AS jsonb), now()) "
                        + "ON CONFLICT (org_id) DO UPDATE SET settings = COALESCE(EXCLUDED.settings, org_profiles.settings), "
                        + "retention = COALESCE(EXCLUDED.retention, org_profiles.retention), "
                        + "entitlements = COALESCE(EXCLUDED.entitlements, org_profiles.entitlements), "
                        + "feature_flags = COALESCE(EXCLUDED.feature_flags, org_profiles.feature_flags), updated_at = now()")
                .setParameter("o", orgId).setParameter("s", text(settings)).setParameter("r", text(retention))
                .setParameter("e", text(entitlements)).setParameter("f", text(flags)).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void deleted(UUID orgId, Instant at) {
        em.createNativeQuery("INSERT INTO org_profiles (org_id, deleted_at, updated_at) VALUES (:o, :d, now()) "
                        + "ON CONFLICT (org_id) DO UPDATE SET deleted_at = EXCLUDED.deleted_at, updated_at = now()")
                .setParameter("o", orgId).setParameter("d", at).executeUpdate();
    }

    private String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode parse(Object text) {
        if (text == null) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(text.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
