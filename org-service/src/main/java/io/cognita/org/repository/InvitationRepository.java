package io.cognita.org.repository;

import io.cognita.org.domain.Invitation;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Invitations; "open" ones are neither accepted nor created before {@code openSince}. */
@ApplicationScoped
public class InvitationRepository implements PanacheRepositoryBase<Invitation, UUID> {

    private static final String OPEN = "acceptedAt is null and createdAt >= :since";

    public List<Invitation> openFor(String email, Instant openSince) {
        return list("email = :email and " + OPEN, Parameters.with("email", email).and("since", openSince));
    }

    public List<Invitation> listOpen(UUID orgId, Instant openSince) {
        return list("orgId = :org and " + OPEN + " order by createdAt, id", Parameters.with("org", orgId).and("since", openSince));
    }

    public long countOpen(UUID orgId, Instant openSince) {
        return count("orgId = :org and " + OPEN, Parameters.with("org", orgId).and("since", openSince));
    }

    public Optional<Invitation> open(UUID orgId, String email, Instant openSince) {
        return find("orgId = :org and email = :email and " + OPEN,
                Parameters.with("org", orgId).and("email", email).and("since", openSince)).firstResultOptional();
    }

    public Optional<Invitation> open(UUID orgId, UUID invitationId, Instant openSince) {
        return find("id = :id and orgId = :org and " + OPEN,
                Parameters.with("id", invitationId).and("org", orgId).and("since", openSince)).firstResultOptional();
    }

    public Optional<Invitation> openByToken(String tokenHash, Instant openSince) {
        return find("tokenHash = :token and " + OPEN, Parameters.with("token", tokenHash).and("since", openSince))
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<Invitation> openById(UUID invitationId, Instant openSince) {
        return find("id = :id and " + OPEN, Parameters.with("id", invitationId).and("since", openSince))
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The org's invitation of that address in any state (one row per org and address). */
    public Optional<Invitation> of(UUID orgId, String email) {
        return find("orgId = ?1 and email = ?2", orgId, email).firstResultOptional();
    }

    public List<Invitation> expired(Instant openSince) {
        return list("acceptedAt is null and createdAt < :since", Parameters.with("since", openSince));
    }
}
