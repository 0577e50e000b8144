package io.cognita.org.repository;

import io.cognita.org.domain.Invitation;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Invitations; "open" ones are neither accepted nor created before {@code openSince}. */
@ApplicationScoped
public class InvitationRepository implements PanacheRepositoryBase<Invitation, UUID> {

    public List<Invitation> openFor(String email, Instant openSince) {
        return list("email = ?1 and acceptedAt is null and createdAt >= ?2", email, openSince);
    }

    public List<Invitation> listOpen(UUID orgId, Instant openSince) {
        return list("orgId = ?1 and acceptedAt is null and createdAt >= ?2 order by createdAt, id", orgId, openSince);
    }

    public long countOpen(UUID orgId, Instant openSince) {
        return count("orgId = ?1 and acceptedAt is null and createdAt >= ?2", orgId, openSince);
    }

    public Optional<Invitation> open(UUID orgId, String email, Instant openSince) {
        return find("orgId = ?1 and email = ?2 and acceptedAt is null and createdAt >= ?3", orgId, email, openSince)
                .firstResultOptional();
    }

    /** The org's invitation of that address in any state (one row per org and address). */
    public Optional<Invitation> of(UUID orgId, String email) {
        return find("orgId = ?1 and email = ?2", orgId, email).firstResultOptional();
    }

    public List<Invitation> expired(Instant openSince) {
        return list("acceptedAt is null and createdAt < ?1", openSince);
    }
}
