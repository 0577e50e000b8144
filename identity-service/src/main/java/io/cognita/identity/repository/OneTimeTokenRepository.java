package io.cognita.identity.repository;

import io.cognita.identity.domain.OneTimeToken;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

@ApplicationScoped
public class OneTimeTokenRepository implements PanacheRepositoryBase<OneTimeToken, String> {

    /** Voids the user's earlier unused tokens of a purpose, so only the newest mail works. */
    public void voidUnused(String userId, OneTimeToken.Purpose purpose, Instant now) {
        update("usedAt = ?1 where userId = ?2 and purpose = ?3 and usedAt is null", now, userId, purpose);
    }

    /** Voids every unused token of the user, whatever its purpose. */
    public void voidAllUnused(String userId, Instant now) {
        update("usedAt = ?1 where userId = ?2 and usedAt is null", now, userId);
    }
}
