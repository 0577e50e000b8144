package io.cognita.org.service;

import io.cognita.org.domain.Invitation;
import io.cognita.org.domain.KnownUser;
import io.cognita.org.domain.OrgDomain;
import io.cognita.org.domain.OrgMember;
import io.cognita.org.domain.OrgRole;
import io.cognita.org.domain.Organization;
import io.cognita.org.repository.InvitationRepository;
import io.cognita.org.repository.KnownUserRepository;
import io.cognita.org.repository.OrgDomainRepository;
import io.cognita.org.repository.OrgMemberRepository;
import io.cognita.org.repository.OrganizationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/** What org-service learns about users from identity, and what follows from it for memberships. */
@ApplicationScoped
public class UserDirectory {

    static final String SYSTEM_ACTOR = "system:identity-events";

    private final KnownUserRepository users;
    private final InvitationRepository invitations;
    private final OrgMemberRepository members;
    private final OrganizationRepository orgs;
    private final MemberService memberships;
    private final OrgDomainRepository domains;
    private final Clock clock;
    private final AuditLog audit;
    private final InvitationWindow window;

    public UserDirectory(KnownUserRepository users, InvitationRepository invitations, OrgMemberRepository members,
                         OrganizationRepository orgs, MemberService memberships,
                         OrgDomainRepository domains, Clock clock, AuditLog audit,
                         InvitationWindow window) {
        this.audit = audit;
        this.window = window;
        this.domains = domains;
        this.users = users;
        this.invitations = invitations;
        this.members = members;
        this.orgs = orgs;
        this.memberships = memberships;
        this.clock = clock;
    }

    /** A new user; an org that names them as payer gets them as owner. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void registered(String userId, String email) {
        KnownUser user = upsert(userId, email);
        for (Organization org : orgs.list("payerUserId = ?1 and deletedAt is null", user.userId)) {
            if (members.membership(org.id, userId).isEmpty()) {
                memberships.add(org.id, userId, OrgRole.OWNER, SYSTEM_ACTOR);
            }
        }
    }

    /**
     * A verified address: open invitations to it become memberships (each held a seat), and a verified
     * domain captures it as member when the plan leaves a seat; a capture refused for the limit is audited
     * ({@code org.member-capture-refused}) so that the org's admins see who was left out.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void verified(String userId, String email) {
        KnownUser user = upsert(userId, email);
        user.emailVerified = true;
        for (Invitation invitation : invitations.openFor(user.email, window.oldestOpen())) {
            if (members.membership(invitation.orgId, userId).isEmpty()) {
                memberships.add(invitation.orgId, userId, invitation.role, SYSTEM_ACTOR);
            }
            invitation.acceptedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        }
        String domain = user.email.substring(user.email.indexOf('@') + 1);
        for (OrgDomain captured : domains.verified(domain)) {
            if (members.membership(captured.orgId, userId).isPresent()) {
                continue;
            }
            Organization org = orgs.findById(captured.orgId);
            if (memberships.hasSeat(org)) {
                memberships.add(captured.orgId, userId, OrgRole.MEMBER, SYSTEM_ACTOR);
            } else {
                audit.record(captured.orgId, SYSTEM_ACTOR, "org.member-capture-refused", "member/" + userId, null,
                        Map.of("email", user.email, "reason", "MEMBER_LIMIT_REACHED"));
            }
        }
    }

    /** A deleted user leaves every org (an org may be left without owner; a system admin then appoints one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleted(String userId) {
        users.findByIdOptional(userId).ifPresent(u -> {
            u.deleted = true;
            u.email = "deleted-" + userId + "@invalid";
            u.updatedAt = clock.instant();
        });
        for (OrgMember member : members.ofUser(userId)) {
            memberships.removeMembership(member, SYSTEM_ACTOR);
        }
    }

    /** The payer becomes owner of a new org when identity already knows them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean exists(String userId) {
        return users.findByIdOptional(userId).map(u -> !u.deleted).orElse(false);
    }

    private KnownUser upsert(String userId, String email) {
        KnownUser user = users.findById(userId);
        boolean created = user == null;
        if (created) {
            user = new KnownUser();
            user.userId = userId;
        }
        user.email = email.strip().toLowerCase(Locale.ROOT);
        user.updatedAt = clock.instant();
        if (created) {
            users.persist(user);
        }
        return user;
    }
}
