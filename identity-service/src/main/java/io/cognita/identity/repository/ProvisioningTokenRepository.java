package io.cognita.identity.repository;

import io.cognita.identity.domain.ProvisioningToken;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ProvisioningTokenRepository implements PanacheRepositoryBase<ProvisioningToken, UUID> {
}
