package io.cognita.org.repository;

import io.cognita.org.domain.OrgMember;
import io.cognita.org.domain.OrgRole;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrgMemberRepository implements PanacheRepositoryBase<OrgMember, OrgMember.Key> {

    public Optional<OrgMember> membership(UUID orgId, String userId) {
        return findByIdOptional(new OrgMember.Key(orgId, userId));
    }

    public long owners(UUID orgId) {
        return count("orgId = ?1 and role = ?2", orgId, OrgRole.OWNER);
    }

    public List<OrgMember> page(UUID orgId, String afterUserId, int limit) {
        return afterUserId == null
                ? find("orgId = ?1 order by userId", orgId).page(0, limit).list()
                : find("orgId = ?1 and userId > ?2 order by userId", orgId, afterUserId).page(0, limit).list();
    }

    public List<OrgMember> ofUser(String userId) {
        return list("userId", userId);
    }
}
