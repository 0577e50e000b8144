package io.cognita.identity.repository;

import io.cognita.identity.domain.Session;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<Session, UUID> {

    public List<Session> activeOf(String userId) {
        return list("userId = ?1 and revokedAt is null order by createdAt desc", userId);
    }
}
