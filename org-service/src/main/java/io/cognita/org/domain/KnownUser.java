package io.cognita.org.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A user as org-service knows them from identity's events (read model; identity owns users). */
@Entity
@Table(name = "known_users")
public class KnownUser {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(nullable = false)
    public String email;

    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;

    @Column(nullable = false)
    public boolean deleted;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
