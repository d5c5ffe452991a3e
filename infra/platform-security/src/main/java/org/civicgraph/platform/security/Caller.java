package org.civicgraph.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who is making the current request: a signed-in user or a service account (a council system, with the client id
 * its token names) of one organisation with roles, or nobody. Both follow the same ownership rules.
 */
public record Caller(String subject, String organisation, Set<Role> roles, String clientId) {

    public static final String ORGANISATION_CLAIM = "org";
    public static final String ROLES_CLAIM = "roles";
    /** The client id of a token issued to a client for itself (client-credentials grant), as RFC 9068 names it. */
    public static final String CLIENT_ID_CLAIM = "client_id";
    public static final Caller ANONYMOUS = new Caller(null, null, Set.of(), null);

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public Caller(String subject, String organisation, Set<Role> roles) {
        this(subject, organisation, roles, null);
    }

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return fromJwt(jwt);
        }
        return ANONYMOUS;
    }

    static Caller fromJwt(Jwt jwt) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        Object claim = jwt.getClaims().get(ROLES_CLAIM);
        Collection<?> values = claim instanceof Collection<?> list ? list : claim == null ? List.of() : List.of(claim);
        values.forEach(value -> Role.fromClaim(String.valueOf(value)).ifPresent(roles::add));
        return new Caller(jwt.getSubject(), jwt.getClaimAsString(ORGANISATION_CLAIM), roles, jwt.getClaimAsString(CLIENT_ID_CLAIM));
    }

    public boolean isServiceAccount() {
        return clientId != null;
    }

    public boolean isSignedIn() {
        return organisation != null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean belongsTo(String organisationId) {
        return organisation != null && organisation.equals(organisationId);
    }
}
