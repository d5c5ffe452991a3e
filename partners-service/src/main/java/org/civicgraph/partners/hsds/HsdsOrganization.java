package org.civicgraph.partners.hsds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * An organisation as Open Referral UK / HSDS 3.0 describes one ({@code schema/compiled/organization.json}). HSDS
 * wants UUIDs for ids and no nulls for absent values, so absent fields are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record HsdsOrganization(
        String id,
        String name,
        @JsonProperty("alternate_name") String alternateName,
        String description,
        String email,
        String website,
        String uri,
        @JsonProperty("parent_organization_id") String parentOrganizationId,
        List<Phone> phones,
        @JsonProperty("organization_identifiers") List<OrganizationIdentifier> organizationIdentifiers) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Phone(String id, @JsonProperty("organization_id") String organizationId, String number, String description) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrganizationIdentifier(String id, @JsonProperty("organization_id") String organizationId,
                                  @JsonProperty("identifier_scheme") String identifierScheme,
                                  @JsonProperty("identifier_type") String identifierType, String identifier) {
    }
}
