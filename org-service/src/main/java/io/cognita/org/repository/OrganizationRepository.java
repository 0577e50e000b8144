package io.cognita.org.repository;

import io.cognita.org.domain.Organization;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    /** The organization, when the user is one of its members: one statement (the membership by its primary key). */
    public Optional<Organization> ofMember(UUID orgId, String memberId) {
        return find("id = ?1 and exists (select 1 from OrgMember m where m.orgId = ?1 and m.userId = ?2)", orgId, memberId)
                .firstResultOptional();
    }

    /**
     * One page of organizations in (createdAt, id) order — newest first unless {@code oldestFirst} — after
     * the given key; {@code memberId} null means every organization (system admins), else only those the
     * user belongs to.
     */
    public List<Organization> page(String memberId, Boolean suspended, String nameContains, boolean oldestFirst,
                                   Instant afterCreatedAt, UUID afterId, int limit) {
        StringBuilder where = new StringBuilder("deletedAt is null");
        Map<String, Object> params = new HashMap<>();
        if (memberId != null) {
            where.append(" and id in (select m.orgId from OrgMember m where m.userId = :member)");
            params.put("member", memberId);
        }
        if (suspended != null) {
            where.append(" and suspended = :suspended");
            params.put("suspended", suspended);
        }
        if (nameContains != null) {
            where.append(" and lower(name) like :q escape '\\'");
            params.put("q", "%" + nameContains.toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (afterCreatedAt != null) {
            String beyond = oldestFirst ? ">" : "<";
            where.append(" and (createdAt " + beyond + " :afterAt or (createdAt = :afterAt and id " + beyond + " :afterId))");
            params.put("afterAt", afterCreatedAt);
            params.put("afterId", afterId);
        }
        return find(where + (oldestFirst ? " order by createdAt, id" : " order by createdAt desc, id desc"), params)
                .page(0, limit).list();
    }
}
