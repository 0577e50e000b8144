package io.cognita.identity.repository;

import io.cognita.identity.domain.OidcState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OidcStateRepository implements PanacheRepositoryBase<OidcState, String> {
}
