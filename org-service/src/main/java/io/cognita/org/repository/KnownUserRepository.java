package io.cognita.org.repository;

import io.cognita.org.domain.KnownUser;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class KnownUserRepository implements PanacheRepositoryBase<KnownUser, String> {

    public Optional<KnownUser> verifiedByEmail(String email) {
        return find("email = ?1 and emailVerified = true and deleted = false", email).firstResultOptional();
    }
}
