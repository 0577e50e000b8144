package io.cognita.org.repository;

import io.cognita.org.domain.OrgType;
import io.cognita.org.domain.TenantDefaults;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class TenantDefaultsRepository implements PanacheRepositoryBase<TenantDefaults, OrgType> {
}
