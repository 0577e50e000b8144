package io.cognita.org.service;

import io.cognita.org.client.DnsTxtLookup;
import io.cognita.org.domain.OrgDomain;
import io.cognita.org.domain.Organization;
import io.cognita.org.domain.OrganizationSnapshot;
import io.cognita.org.repository.OrgDomainRepository;
import io.cognita.platform.outbox.Outbox;
import io.cognita.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Allowed e-mail domains: each gets a token to publish as TXT {@code _cognita.<domain>} =
 * {@code cognita-verification=<token>}; verification asks DNS. A verified domain captures users.
 */
@ApplicationScoped
public class DomainService {


    private final OrgDomainRepository domains;
    private final Organizations orgs;
    private final OrgAccess access;
    private final AuditLog audit;
    private final Outbox outbox;
    private final DnsTxtLookup dns;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public DomainService(OrgDomainRepository domains, Organizations orgs, OrgAccess access, AuditLog audit, Outbox outbox,
                         DnsTxtLookup dns, Clock clock) {
        this.domains = domains;
        this.orgs = orgs;
        this.access = access;
        this.audit = audit;
        this.outbox = outbox;
        this.dns = dns;
        this.clock = clock;
    }

    /** Brings the domain rows in line with the org's allowedDomains: new ones pending, removed ones gone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sync(Organization org) {
        Map<String, OrgDomain> existing = domains.ofOrg(org.id).stream()
                .collect(Collectors.toMap(d -> d.domain, Function.identity()));
        Set<String> wanted = new LinkedHashSet<>(org.allowedDomains);
        existing.values().stream().filter(d -> !wanted.contains(d.domain)).forEach(domains::delete);
        for (String name : wanted) {
            if (!existing.containsKey(name)) {
                OrgDomain domain = new OrgDomain();
                domain.orgId = org.id;
                domain.domain = name;
                domain.state = OrgDomain.State.PENDING;
                domain.verificationToken = token();
                domain.createdAt = now();
                domains.persist(domain);
            }
        }
    }

    @Transactional
    public List<OrgDomain> list(UUID orgId) {
        access.requireAdministrator(orgId);
        orgs.find(orgId);
        return domains.ofOrg(orgId);
    }

    @Transactional
    public List<OrgDomain> replace(UUID orgId, List<String> names) {
        access.requireAdministrator(orgId);
        Organization org = orgs.findForUpdate(orgId);
        access.requireWritable(orgId);
        OrganizationSnapshot before = OrganizationSnapshot.of(org);
        org.allowedDomains = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct()
                .collect(Collectors.toCollection(ArrayList::new));
        org.updatedAt = now();
        sync(org);
        OrganizationSnapshot after = OrganizationSnapshot.of(org);
        audit.record(orgId, access.actor(), "org.domains-updated", Organizations.target(orgId), before, after);
        outbox.record(OrgService.UPDATED, orgId.toString(), Organizations.target(orgId), after);
        domains.flush();
        return domains.ofOrg(orgId);
    }

    @Transactional
    public OrgDomain verify(UUID orgId, String name) {
        access.requireAdministrator(orgId);
        orgs.find(orgId);
        access.requireWritable(orgId);
        OrgDomain domain = domains.findByIdOptional(new OrgDomain.Key(orgId, name.toLowerCase(Locale.ROOT)))
                .orElseThrow(() -> ProblemException.notFound("DOMAIN_NOT_FOUND", "Domain not found",
                        "The domain is not among the organization's allowed domains."));
        List<String> values;
        try {
            values = dns.txt(domain.recordName());
        } catch (DnsTxtLookup.DnsUnavailable e) {
            throw new ProblemException(503, "DNS_UNAVAILABLE", "DNS unavailable",
                    "The DNS resolver could not be asked; try again later.");
        }
        Instant now = now();
        OrgDomain.State before = domain.state;
        domain.lastCheckedAt = now;
        if (values.contains(domain.expectedValue())) {
            domain.state = OrgDomain.State.VERIFIED;
            if (domain.verifiedAt == null) {
                domain.verifiedAt = now;
            }
        } else {
            domain.state = OrgDomain.State.FAILED;
        }
        if (before != domain.state) {
            audit.record(orgId, access.actor(), "org.domain-" + domain.state.name().toLowerCase(Locale.ROOT),
                    "domain/" + domain.domain, Map.of("state", before.name()), Map.of("state", domain.state.name()));
        }
        return domain;
    }

    private String token() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
