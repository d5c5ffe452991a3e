package org.civicgraph.partners.organisation;

import java.time.LocalDate;
import java.util.List;

/**
 * What is known about an organisation when it is registered, or what an edit proposes: in an edit a null field
 * means "leave it as it is" and a list replaces the whole list.
 */
record OrganisationDetails(String name, List<String> otherNames, OrganisationType type, List<Identifier> identifiers,
                           List<String> areasServed, String website, List<ContactPoint> contactPoints,
                           List<Contact> contacts, LocalDate openedOn) {
}
