package org.civicgraph.partners.organisation;

/** An identifier another register gives the organisation: {@code ONS_GSS}, {@code NHS_ODS}, {@code COMPANIES_HOUSE}, {@code CHARITY_NUMBER}, {@code GB_PPON}. */
public record Identifier(String scheme, String value) {
}
