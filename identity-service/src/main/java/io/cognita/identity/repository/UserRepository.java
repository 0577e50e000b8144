package io.cognita.identity.repository;

import io.cognita.identity.domain.User;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, String> {

    public Optional<User> byEmail(String normalisedEmail) {
        return find("email", normalisedEmail).firstResultOptional();
    }
}
