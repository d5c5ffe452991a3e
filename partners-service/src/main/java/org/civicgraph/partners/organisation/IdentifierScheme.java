package org.civicgraph.partners.organisation;

/** The registers an organisation's identifiers come from, with their org-id.guide list codes where they have one. */
public enum IdentifierScheme {
    ONS_GSS(null, "ONS GSS code"),
    LOCAL_AUTHORITY_CODE("GB-LAE", "Local authority code (England)"),
    NHS_ODS("GB-NHS", "NHS ODS code"),
    COMPANIES_HOUSE("GB-COH", "Companies House number"),
    CHARITY_NUMBER("GB-CHC", "Charity Commission number (England and Wales)"),
    GB_PPON("GB-PPON", "Public Procurement Organisation Number"),
    UK_PRN("GB-UKPRN", "UK Register of Learning Providers number"),
    SCHOOL_URN("GB-EDU", "School unique reference number");

    private final String orgIdPrefix;
    private final String label;

    IdentifierScheme(String orgIdPrefix, String label) {
        this.orgIdPrefix = orgIdPrefix;
        this.label = label;
    }

    /** The org-id.guide list code, such as GB-NHS; null where org-id.guide has no list for the register. */
    public String orgIdPrefix() {
        return orgIdPrefix;
    }

    public String label() {
        return label;
    }

    static IdentifierScheme ofStored(String scheme) {
        for (IdentifierScheme value : values()) {
            if (value.name().equals(scheme)) {
                return value;
            }
        }
        return null;
    }
}
