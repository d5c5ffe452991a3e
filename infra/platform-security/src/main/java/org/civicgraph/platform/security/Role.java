package org.civicgraph.platform.security;

import java.util.Locale;
import java.util.Optional;

/** What a user may do within their own organisation, as carried in the token's {@code roles} claim. */
public enum Role {
    /** Reads internal records. */
    VIEWER,
    /** Also changes the organisation's records. */
    EDITOR,
    /** Also approves and administers the organisation's records. */
    ADMIN;

    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Role> fromClaim(String value) {
        for (Role role : values()) {
            if (role.claimValue().equalsIgnoreCase(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
