package io.cognita.identity.service;

import io.cognita.identity.config.IdentityConfig;
import io.cognita.identity.domain.User;
import io.cognita.identity.repository.UserRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Creates the first system administrator from COGNITA_ADMIN_EMAIL / COGNITA_ADMIN_PASSWORD at start-up.
 * An existing account of that e-mail is left as it is (its password may have been changed since).
 */
@ApplicationScoped
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

    private final IdentityConfig config;
    private final UserRepository users;
    private final PasswordHasher passwords;
    private final EntityManager em;
    private final Clock clock;

    public BootstrapAdmin(IdentityConfig config, UserRepository users, PasswordHasher passwords, EntityManager em,
                          Clock clock) {
        this.config = config;
        this.users = users;
        this.passwords = passwords;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    void onStart(@Observes StartupEvent ignored) {
        if (config.adminEmail().isEmpty() || config.adminPassword().isEmpty()) {
            LOG.info("no bootstrap admin configured (COGNITA_ADMIN_EMAIL / COGNITA_ADMIN_PASSWORD)");
            return;
        }
        String email = User.normaliseEmail(config.adminEmail().get());
        // ON CONFLICT: replicas starting together create the account once
        int created = em.createNativeQuery("INSERT INTO users (id, email, password_hash, display_name, system_admin, created_at) "
                        + "VALUES (:id, :email, :hash, :name, true, :at) ON CONFLICT (email) DO NOTHING")
                .setParameter("id", User.newId())
                .setParameter("email", email)
                .setParameter("hash", passwords.hash(config.adminPassword().get()))
                .setParameter("name", "Cognita administrator")
                .setParameter("at", clock.instant().truncatedTo(ChronoUnit.SECONDS))
                .executeUpdate();
        LOG.infof(created == 1 ? "bootstrap admin %s created" : "bootstrap admin %s already exists", email);
    }
}
