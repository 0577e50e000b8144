package io.cognita.identity.repository;

import io.cognita.identity.domain.OidcState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;

@ApplicationScoped
public class OidcStateRepository implements PanacheRepositoryBase<OidcState, String> {

    public Optional<OidcState> byLoginCodeForUpdate(String loginCodeHash) {
        return find("loginCodeHash", loginCodeHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
