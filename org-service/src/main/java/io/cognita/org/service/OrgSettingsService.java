package io.cognita.org.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cognita.org.domain.OrgSettings;
import io.cognita.org.domain.Organization;
import io.cognita.org.domain.OrganizationSnapshot;
import io.cognita.org.domain.RetentionPolicy;
import io.cognita.platform.outbox.Outbox;
import io.cognita.platform.problem.FieldError;
import io.cognita.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** An org's settings (JSON merge patch) and retention policy; the result is validated as a whole. */
@ApplicationScoped
public class OrgSettingsService {

    static final String SETTINGS_UPDATED = "org.settings-updated";
    static final String RETENTION_UPDATED = "org.retention-updated";

    public record SettingsChanged(UUID orgId, OrgSettings settings) {
    }

    public record RetentionChanged(UUID orgId, RetentionPolicy retentionPolicy) {
    }

    private final Organizations orgs;
    private final OrgAccess access;
    private final AuditLog audit;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Validator validator;
    private final Clock clock;

    public OrgSettingsService(Organizations orgs, OrgAccess access, AuditLog audit, Outbox outbox, ObjectMapper json,
                              Validator validator, Clock clock) {
        this.orgs = orgs;
        this.access = access;
        this.audit = audit;
        this.outbox = outbox;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional
    public OrgSettings settings(UUID orgId) {
        access.requireVisible(orgId);
        return orgs.find(orgId).settings;
    }

    /**
     * RFC 7396: members set fields, {@code null} puts a field back to the tenant default. The patched
     * settings are validated as a whole; an invalid patch changes nothing.
     */
    @Transactional
    public OrgSettings patchSettings(UUID orgId, JsonNode patch) {
        access.requireAdministrator(orgId);
        Organization org = orgs.findForUpdate(orgId);
        access.requireWritable(orgId);
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("MALFORMED_JSON", "A merge patch of settings is a JSON object.",
                    List.of(new FieldError("$", "expected an object")));
        }
        ObjectNode merged = json.valueToTree(org.settings);
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                merged.remove(field.getKey());
            } else {
                merged.set(field.getKey(), field.getValue());
            }
        }
        OrgSettings patched = valid(read(merged, OrgSettings.class));
        OrganizationSnapshot before = OrganizationSnapshot.of(org);
        org.settings = orgs.defaultsFor(org.orgType).settings.overlay(patched);
        org.updatedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        audit.record(org.id, access.actor(), SETTINGS_UPDATED, Organizations.target(org.id), before, OrganizationSnapshot.of(org));
        outbox.record(SETTINGS_UPDATED, org.id.toString(), Organizations.target(org.id), new SettingsChanged(org.id, org.settings));
        return org.settings;
    }

    @Transactional
    public RetentionPolicy retention(UUID orgId) {
        access.requireVisible(orgId);
        return orgs.find(orgId).retentionPolicy;
    }

    /** Set (replace: left-out durations take the tenant default) or update (left-out durations are kept). */
    @Transactional
    public RetentionPolicy changeRetention(UUID orgId, RetentionPolicy given, boolean replace) {
        access.requireAdministrator(orgId);
        Organization org = orgs.findForUpdate(orgId);
        access.requireWritable(orgId);
        OrganizationSnapshot before = OrganizationSnapshot.of(org);
        RetentionPolicy base = replace ? orgs.defaultsFor(org.orgType).retentionPolicy : org.retentionPolicy;
        org.retentionPolicy = base.overlay(given);
        org.updatedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        audit.record(org.id, access.actor(), RETENTION_UPDATED, Organizations.target(org.id), before, OrganizationSnapshot.of(org));
        outbox.record(RETENTION_UPDATED, org.id.toString(), Organizations.target(org.id), new RetentionChanged(org.id, org.retentionPolicy));
        return org.retentionPolicy;
    }

    private <T> T read(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (IOException e) {
            if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
                throw new jakarta.ws.rs.BadRequestException(mapping);
            }
            throw new jakarta.ws.rs.BadRequestException(e);
        }
    }

    private <T> T valid(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }
}
