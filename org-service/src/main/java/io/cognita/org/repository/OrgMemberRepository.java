package io.cognita.org.repository;

import io.cognita.org.domain.OrgMember;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrgMemberRepository implements PanacheRepositoryBase<OrgMember, OrgMember.Key> {

    public Optional<OrgMember> membership(UUID orgId, String userId) {
        return findByIdOptional(new OrgMember.Key(orgId, userId));
    }
}
