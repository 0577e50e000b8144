package io.cognita.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A person who signs in to Cognita. E-mail addresses are stored normalised (trimmed, lower case). */
@Entity
@Table(name = "users")
public class User {

    @Id
    public String id;

    @Column(nullable = false)
    public String email;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "system_admin", nullable = false)
    public boolean systemAdmin;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static String newId() {
        return "u-" + UUID.randomUUID();
    }

    public static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
