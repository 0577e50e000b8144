package io.cognita.org.repository;

import io.cognita.org.domain.OrgDomain;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OrgDomainRepository implements PanacheRepositoryBase<OrgDomain, OrgDomain.Key> {

    public List<OrgDomain> ofOrg(UUID orgId) {
        return list("orgId = ?1 order by domain", orgId);
    }

    public List<OrgDomain> verified(String domain) {
        return list("domain = ?1 and state = ?2", domain, OrgDomain.State.VERIFIED);
    }
}
