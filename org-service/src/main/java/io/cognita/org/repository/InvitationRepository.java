package io.cognita.org.repository;

import io.cognita.org.domain.Invitation;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class InvitationRepository implements PanacheRepositoryBase<Invitation, UUID> {

    public List<Invitation> pendingFor(String email) {
        return list("email = ?1 and acceptedAt is null", email);
    }

    public long countPending(UUID orgId) {
        return count("orgId = ?1 and acceptedAt is null", orgId);
    }

    public Optional<Invitation> pending(UUID orgId, String email) {
        return find("orgId = ?1 and email = ?2 and acceptedAt is null", orgId, email).firstResultOptional();
    }
}
