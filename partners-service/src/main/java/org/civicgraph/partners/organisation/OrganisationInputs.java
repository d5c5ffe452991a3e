package org.civicgraph.partners.organisation;

import java.util.List;

/** The GraphQL mutation inputs and payloads for organisations and their units. */
final class OrganisationInputs {

    private OrganisationInputs() {
    }

    record IdentifierInput(IdentifierScheme scheme, String value) {

        Identifier toIdentifier() {
            return new Identifier(scheme.name(), value == null ? null : value.strip());
        }

        static List<Identifier> toIdentifiers(List<IdentifierInput> inputs) {
            return inputs == null ? null : inputs.stream().map(IdentifierInput::toIdentifier).toList();
        }
    }

    record CreateOrganisationInput(String id, String name, OrganisationType type, List<String> otherNames,
                                   List<IdentifierInput> identifiers, List<String> areasServed, String website,
                                   List<ContactPoint> contactPoints, List<Contact> contacts, String openedOn) {

        OrganisationDetails details() {
            return new OrganisationDetails(name, OrganisationRules.orEmpty(otherNames), type,
                    OrganisationRules.orEmpty(IdentifierInput.toIdentifiers(identifiers)), OrganisationRules.orEmpty(areasServed),
                    website, OrganisationRules.orEmpty(contactPoints), OrganisationRules.orEmpty(contacts),
                    IsoDate.parse("openedOn", openedOn));
        }
    }

    record UpdateOrganisationInput(String id, String name, String website, List<String> otherNames, OrganisationType type,
                                   List<IdentifierInput> identifiers, List<String> areasServed,
                                   List<ContactPoint> contactPoints, List<Contact> contacts, String openedOn) {

        OrganisationDetails details() {
            return new OrganisationDetails(name, otherNames, type, IdentifierInput.toIdentifiers(identifiers), areasServed,
                    website, contactPoints, contacts, IsoDate.parse("openedOn", openedOn));
        }
    }

    record CloseOrganisationInput(String id, String closedOn, String reason) {
    }

    record MergeOrganisationsInput(String mergedId, String survivorId) {
    }

    record AddUnitInput(String organisationId, String slug, String name, List<String> otherNames) {
    }

    record CreateOrganisationPayload(Organisation organisation) {
    }

    record UpdateOrganisationPayload(Organisation organisation) {
    }

    record CloseOrganisationPayload(Organisation organisation) {
    }

    record MergeOrganisationsPayload(Organisation survivor, String mergedId) {
    }

    record AddUnitPayload(Unit unit) {
    }
}
