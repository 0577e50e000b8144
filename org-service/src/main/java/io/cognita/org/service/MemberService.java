package io.cognita.org.service;

import io.cognita.org.domain.Invitation;
import io.cognita.org.domain.OrgDomain;
import io.cognita.org.domain.KnownUser;
import io.cognita.org.domain.OrgMember;
import io.cognita.org.domain.OrgRole;
import io.cognita.org.domain.Organization;
import io.cognita.org.repository.InvitationRepository;
import io.cognita.org.repository.OrgDomainRepository;
import io.cognita.org.repository.KnownUserRepository;
import io.cognita.org.repository.OrgMemberRepository;
import io.cognita.platform.api.Page;
import io.cognita.platform.auth.Caller;
import io.cognita.platform.auth.OpaqueTokens;
import io.cognita.platform.outbox.Outbox;
import io.cognita.platform.paging.PageRequest;
import io.cognita.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Org members and their roles. An org always keeps an owner (409 LAST_OWNER); only owners (and system
 * admins) make or unmake owners. Each change is announced: org.member-added (also for a new role) and
 * org.member-removed.
 */
@ApplicationScoped
public class MemberService {

    static final String MEMBER_ADDED = "org.member-added";
    static final String MEMBER_REMOVED = "org.member-removed";

    static final String MEMBER_INVITED = "org.member-invited";
    private static final java.time.Duration RESEND_AFTER = java.time.Duration.ofMinutes(10);
    static final String INVITATION_REVOKED = "org.invitation-revoked";

    public record InvitationChange(UUID invitationId, UUID orgId, String orgName, String email, String role, Instant expiresAt) {
    }

    public record MemberChange(UUID orgId, String userId, String role) {
    }

    public record Member(String userId, String email, OrgRole role, Instant joinedAt) {
    }

    /** What an invitation produced: a member at once (the address has a verified account) or a pending invitation. */
    public record Invited(Member member, Invitation invitation) {
    }

    private final OrgMemberRepository members;
    private final KnownUserRepository users;
    private final InvitationRepository invitations;
    private final Organizations orgs;
    private final OrgAccess access;
    private final Caller caller;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;
    private final BillingService billing;
    private final InvitationWindow window;
    private final InvitationMails mails;
    private final OrgDomainRepository domains;

    public MemberService(OrgMemberRepository members, KnownUserRepository users, InvitationRepository invitations,
                         Organizations orgs, OrgAccess access, Caller caller, AuditLog audit, Outbox outbox, Clock clock,
                         BillingService billing, InvitationWindow window, InvitationMails mails, OrgDomainRepository domains) {
        this.mails = mails;
        this.domains = domains;
        this.billing = billing;
        this.window = window;
        this.members = members;
        this.users = users;
        this.invitations = invitations;
        this.orgs = orgs;
        this.access = access;
        this.caller = caller;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Page<Member> list(UUID orgId, PageRequest page) {
        access.requireAdministrator(orgId);
        orgs.find(orgId);
        List<OrgMember> rows = members.page(orgId, page.textAfter(0), page.limit() + 1);
        boolean more = rows.size() > page.limit();
        List<OrgMember> items = more ? rows.subList(0, page.limit()) : rows;
        return new Page<>(items.stream().map(this::view).toList(), page.limit(),
                more ? PageRequest.cursor(items.get(items.size() - 1).userId) : null);
    }

    /**
     * Invites an address. Whether it has an account does not show: every invitation is answered the same way
     * (an open invitation) and mailed with a single-use accept link; an existing user joins by accepting it,
     * a new one by registering and verifying the address. Only a verified user whose address is in a domain
     * the org has verified joins at once (the org owns the domain).
     */
    @Transactional
    public Invited invite(UUID orgId, String rawEmail, OrgRole role) {
        access.requireAdministrator(orgId);
        Organization org = orgs.find(orgId);
        access.requireWritable(orgId);
        requireOwnerFor(orgId, role);
        String email = rawEmail.strip().toLowerCase(Locale.ROOT);
        Optional<KnownUser> user = users.verifiedByEmail(email);
        if (user.isPresent() && members.membership(orgId, user.get().userId).isPresent()) {
            throw ProblemException.conflict("ALREADY_MEMBER", "Already a member", "That user is already a member.");
        }
        Optional<Invitation> pending = invitations.open(orgId, email, window.oldestOpen());
        if (pending.isEmpty() && !hasSeat(org)) {
            int max = billing.entitlements(org).maxMembers();
            throw ProblemException.conflict("MEMBER_LIMIT_REACHED", "Member limit reached",
                    "The plan allows " + max + " members, pending invitations included; change the plan to add more.");
        }
        if (user.isPresent() && inVerifiedDomain(orgId, email)) {
            pending.ifPresent(invitation -> invitation.acceptedAt = now());
            return new Invited(view(add(orgId, user.get().userId, role, access.actor())), null);
        }
        Invitation invitation = pending.orElseGet(() -> reopenOrCreate(orgId, email, role));
        invitation.role = role;
        if (invitation.mailedAt != null && invitation.mailedAt.isAfter(now().minus(RESEND_AFTER))) {
            // asked again within minutes: the same answer, but no new mail (the platform is no mail cannon)
            return new Invited(null, invitation);
        }
        String token = OpaqueTokens.newToken();
        invitation.tokenHash = OpaqueTokens.hashOf(token);
        invitation.mailedAt = now();
        audit.record(orgId, access.actor(), MEMBER_INVITED, "invitation/" + invitation.id, null,
                Map.of("email", email, "role", role.wire()));
        outbox.record(MEMBER_INVITED, orgId.toString(), "org/" + orgId + "/invitation/" + invitation.id,
                new InvitationChange(invitation.id, orgId, org.name, email, role.wire(), window.expiresAt(invitation)));
        mails.invite(email, org.name, role.wire(), token, window.expiresAt(invitation));
        return new Invited(null, invitation);
    }

    /**
     * The invitee accepts: with the token from the mail, or the invitation's id as listed in their profile,
     * presented by the signed-in user whose verified address was invited (that proves the address). 404 INVITATION_NOT_FOUND for a token that is unknown, used, expired or revoked; 403
     * INVITATION_NOT_FOR_YOU when another account presents it.
     */
    @Transactional
    public Member accept(String token, UUID invitationId) {
        Invitation invitation = token != null ? invitations.openByToken(OpaqueTokens.hashOf(token), window.oldestOpen()).orElse(null)
                : invitationId != null ? invitations.openById(invitationId, window.oldestOpen()).orElse(null) : null;
        if (invitation == null) {
            throw ProblemException.notFound("INVITATION_NOT_FOUND", "Invitation not found",
                    "The invitation is unknown, already used, expired or revoked.");
        }
        KnownUser me = users.findByIdOptional(caller.id())
                .filter(u -> u.emailVerified && !u.deleted && invitation.email.equals(u.email))
                .orElseThrow(() -> new ProblemException(403, "INVITATION_NOT_FOR_YOU", "Not your invitation",
                        "This invitation was sent to another address; sign in with the invited address (verified) to accept it."));
        access.requireWritable(invitation.orgId);
        Optional<OrgMember> already = members.membership(invitation.orgId, me.userId);
        if (already.isPresent()) {
            // joined meanwhile (a domain capture, say): the invitation is done and frees its seat
            invitation.acceptedAt = now();
            invitation.tokenHash = null;
            return view(already.get());
        }
        invitation.acceptedAt = now();
        invitation.tokenHash = null;
        return view(add(invitation.orgId, me.userId, invitation.role, me.userId));
    }

    private boolean inVerifiedDomain(UUID orgId, String email) {
        String domain = email.substring(email.indexOf('@') + 1);
        return domains.ofOrg(orgId).stream().anyMatch(d -> d.state == OrgDomain.State.VERIFIED && d.domain.equals(domain));
    }


    @Transactional
    public List<Invitation> openInvitations(UUID orgId) {
        access.requireAdministrator(orgId);
        orgs.find(orgId);
        return invitations.listOpen(orgId, window.oldestOpen());
    }

    @Transactional
    public void revokeInvitation(UUID orgId, UUID invitationId) {
        access.requireAdministrator(orgId);
        orgs.find(orgId);
        access.requireWritable(orgId);
        Invitation invitation = invitations.open(orgId, invitationId, window.oldestOpen())
                .orElseThrow(() -> ProblemException.notFound("INVITATION_NOT_FOUND", "Invitation not found",
                        "No open invitation " + invitationId + " in this organization."));
        requireOwnerFor(orgId, invitation.role);
        audit.record(orgId, access.actor(), INVITATION_REVOKED, "invitation/" + invitation.id,
                Map.of("email", invitation.email, "role", invitation.role.wire()), null);
        outbox.record(INVITATION_REVOKED, orgId.toString(), "org/" + orgId + "/invitation/" + invitation.id,
                new InvitationChange(invitation.id, orgId, null, invitation.email, invitation.role.wire(), null));
        invitations.delete(invitation);
    }

    @Transactional
    public Member changeRole(UUID orgId, String userId, OrgRole role) {
        access.requireAdministrator(orgId);
        orgs.find(orgId);
        access.requireWritable(orgId);
        OrgMember member = existing(orgId, userId);
        if (member.role == role) {
            return view(member);
        }
        requireOwnerFor(orgId, member.role == OrgRole.OWNER ? OrgRole.OWNER : role);
        if (member.role == OrgRole.OWNER && members.owners(orgId) == 1) {
            throw lastOwner();
        }
        OrgRole before = member.role;
        member.role = role;
        audit.record(orgId, access.actor(), "org.member-role-changed", "member/" + userId,
                Map.of("role", before.wire()), Map.of("role", role.wire()));
        outbox.record(MEMBER_ADDED, orgId.toString(), "org/" + orgId + "/member/" + userId,
                new MemberChange(orgId, userId, role.wire()));
        return view(member);
    }

    @Transactional
    public void remove(UUID orgId, String userId) {
        access.requireAdministrator(orgId);
        orgs.find(orgId);
        access.requireWritable(orgId);
        OrgMember member = existing(orgId, userId);
        requireOwnerFor(orgId, member.role);
        if (member.role == OrgRole.OWNER && members.owners(orgId) == 1) {
            throw lastOwner();
        }
        removeMembership(member, access.actor());
    }

    /** An expired or used invitation of the address is opened again (one row per org and address), else a new one. */
    private Invitation reopenOrCreate(UUID orgId, String email, OrgRole role) {
        Optional<Invitation> existing = invitations.of(orgId, email);
        Invitation invitation = existing.orElseGet(Invitation::new);
        invitation.id = existing.isPresent() ? invitation.id : UUID.randomUUID();
        invitation.orgId = orgId;
        invitation.email = email;
        invitation.role = role;
        invitation.invitedBy = access.actor();
        invitation.createdAt = now();
        invitation.acceptedAt = null;
        if (existing.isEmpty()) {
            invitations.persist(invitation);
        }
        return invitation;
    }

    /** Whether the plan leaves a seat: members and open invitations (each holds one) below maxMembers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean hasSeat(Organization org) {
        orgs.lock(org);
        return members.count("orgId", org.id) + invitations.countOpen(org.id, window.oldestOpen()) < billing.entitlements(org).maxMembers();
    }

    /** Adds a membership (event and audit included); used by invitations, payer ownership and domain capture. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OrgMember add(UUID orgId, String userId, OrgRole role, String actor) {
        OrgMember member = new OrgMember();
        member.orgId = orgId;
        member.userId = userId;
        member.role = role;
        member.createdAt = now();
        members.persist(member);
        audit.record(orgId, actor, MEMBER_ADDED, "member/" + userId, null, Map.of("role", role.wire()));
        outbox.record(MEMBER_ADDED, orgId.toString(), "org/" + orgId + "/member/" + userId,
                new MemberChange(orgId, userId, role.wire()));
        return member;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void removeMembership(OrgMember member, String actor) {
        members.delete(member);
        audit.record(member.orgId, actor, MEMBER_REMOVED, "member/" + member.userId,
                Map.of("role", member.role.wire()), null);
        outbox.record(MEMBER_REMOVED, member.orgId.toString(), "org/" + member.orgId + "/member/" + member.userId,
                new MemberChange(member.orgId, member.userId, member.role.wire()));
    }

    private void requireOwnerFor(UUID orgId, OrgRole role) {
        if (role == OrgRole.OWNER && !caller.isSystemAdmin()
                && members.membership(orgId, caller.id()).map(m -> m.role != OrgRole.OWNER).orElse(true)) {
            throw ProblemException.forbidden("Only an owner may make or unmake owners.");
        }
    }

    private OrgMember existing(UUID orgId, String userId) {
        return members.membership(orgId, userId).orElseThrow(() -> ProblemException.notFound("MEMBER_NOT_FOUND",
                "Member not found", "No member " + userId + " in this organization."));
    }

    private Member view(OrgMember m) {
        return new Member(m.userId, users.findByIdOptional(m.userId).map(u -> u.email).orElse(null), m.role, m.createdAt);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static ProblemException lastOwner() {
        return ProblemException.conflict("LAST_OWNER", "An organization needs an owner",
                "This is the organization's last owner; make someone else owner first.");
    }
}
