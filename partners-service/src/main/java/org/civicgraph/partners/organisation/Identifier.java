package org.civicgraph.partners.organisation;

/** An identifier another register gives the organisation; {@code scheme} is an {@link IdentifierScheme} name. */
public record Identifier(String scheme, String value) {

    /** The identifier in org-id.guide form, such as GB-NHS-RP7; null where the register has no org-id list. */
    public String orgId() {
        return orgIdPrefix() == null ? null : orgIdPrefix() + "-" + value;
    }

    /** The register's org-id.guide list code, such as GB-NHS; null where it has none. */
    public String orgIdPrefix() {
        IdentifierScheme known = IdentifierScheme.ofStored(scheme);
        return known == null ? null : known.orgIdPrefix();
    }

    /** What the register is, in words. */
    public String register() {
        IdentifierScheme known = IdentifierScheme.ofStored(scheme);
        return known == null ? scheme : known.label();
    }

    @Override
    public String toString() {
        return scheme + ":" + value;
    }
}
