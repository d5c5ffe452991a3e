package org.civicgraph.partners.hsds;

import org.civicgraph.partners.organisation.ContactPoint;
import org.civicgraph.partners.organisation.ContactPointKind;
import org.civicgraph.partners.organisation.Identifier;
import org.civicgraph.partners.organisation.Organisation;
import org.civicgraph.partners.organisation.OrganisationDirectory;
import org.civicgraph.partners.organisation.OrganisationStatus;
import org.civicgraph.partners.organisation.Relationship;
import org.civicgraph.partners.organisation.RelationshipKind;
import org.civicgraph.partners.organisation.Unit;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes the public directory as Open Referral UK (HSDS 3.0) organization records: each organisation, then each of
 * their units as an organization of its own whose {@code parent_organization_id} is its organisation's record
 * (HSDS has no other place for a department or service team of an organization). Named contacts are internal and
 * never exported; partner groups are not organisations and are not exported either.
 */
@Service
class HsdsExport {

    private final OrganisationDirectory directory;

    HsdsExport(OrganisationDirectory directory) {
        this.directory = directory;
    }

    /** The listed organisations first, then their units, so that a page may hold some of each. */
    HsdsPage<HsdsOrganization> page(int pageNumber, int perPage) {
        long organisations = directory.countListed();
        long total = organisations + directory.countListedUnits();
        long start = (long) (pageNumber - 1) * perPage;
        List<HsdsOrganization> contents = new ArrayList<>();
        if (start < organisations) {
            directory.listed(start, perPage).stream().map(this::toHsds).forEach(contents::add);
        }
        if (contents.size() < perPage && start + perPage > organisations) {
            List<Unit> units = directory.listedUnits(Math.max(0, start - organisations), perPage - contents.size());
            Map<String, Organisation> owners = directory.findAll(units.stream().map(Unit::organisationId).distinct().toList());
            units.stream().filter(unit -> owners.containsKey(unit.organisationId()))
                    .map(unit -> toHsds(unit, owners.get(unit.organisationId()))).forEach(contents::add);
        }
        long pages = Math.max(1, (total + perPage - 1) / perPage);
        return new HsdsPage<>(total, pages, pageNumber, contents.size(), pageNumber == 1, pageNumber >= pages, contents.isEmpty(), contents);
    }

    /** By the record's UUID or, for an organisation, its slug. */
    Optional<HsdsOrganization> find(String id) {
        return directory.findByOpenReferralId(id).or(() -> directory.find(id)).map(this::toHsds)
                .or(() -> directory.findUnitByOpenReferralId(id).flatMap(this::toHsds));
    }

    Optional<HsdsOrganization> toHsds(Unit unit) {
        return directory.find(unit.organisationId()).map(organisation -> toHsds(unit, organisation));
    }

    /** A unit as a child organization; its alternate name is the name as documents write it, after its organisation's. */
    HsdsOrganization toHsds(Unit unit, Organisation organisation) {
        StringBuilder description = new StringBuilder("Part of ").append(organisation.getName())
                .append(" (").append(organisation.getType().label()).append(").");
        if (!unit.otherNames().isEmpty()) {
            description.append(" Also written ").append(String.join(", ", unit.otherNames())).append('.');
        }
        return new HsdsOrganization(unit.openReferralId(), unit.name(), organisation.getName() + " " + unit.name(), description.toString(),
                null, null, "urn:civicgraph:unit:" + unit.id(), organisation.getOpenReferralId(), List.of(), List.of());
    }

    HsdsOrganization toHsds(Organisation organisation) {
        String id = organisation.getOpenReferralId();
        return new HsdsOrganization(id, organisation.getName(),
                organisation.getOtherNames().isEmpty() ? null : organisation.getOtherNames().get(0),
                description(organisation),
                contactPoint(organisation, ContactPointKind.EMAIL).map(ContactPoint::value).orElse(null),
                organisation.getWebsite(),
                "urn:civicgraph:organisation:" + organisation.getId(),
                parentOf(organisation).orElse(null),
                organisation.getContactPoints().stream().filter(point -> point.kind() == ContactPointKind.PHONE)
                        .map(point -> new HsdsOrganization.Phone(uuid(id, "phone", point.value()), id, point.value(), point.description()))
                        .toList(),
                organisation.getIdentifiers().stream().map(identifier -> identifier(id, identifier)).toList());
    }

    private static String description(Organisation organisation) {
        StringBuilder description = new StringBuilder(capitalised(organisation.getType().label()));
        if (!organisation.getAreasServed().isEmpty()) {
            description.append(" serving ").append(String.join(", ", organisation.getAreasServed())).append(" (ONS GSS codes)");
        }
        description.append('.');
        if (!organisation.getOtherNames().isEmpty()) {
            description.append(" Also written ").append(String.join(", ", organisation.getOtherNames())).append('.');
        }
        if (organisation.getStatus() == OrganisationStatus.CLOSED) {
            description.append(" Closed").append(organisation.getClosedOn() == null ? "" : " on " + organisation.getClosedOn()).append('.');
        }
        return description.toString();
    }

    private Optional<String> parentOf(Organisation organisation) {
        return organisation.getRelationships().stream()
                .filter(relationship -> relationship.kind() == RelationshipKind.PART_OF && relationship.holdsOn(LocalDate.now()))
                .map(Relationship::otherId)
                .findFirst()
                .flatMap(directory::find)
                .map(Organisation::getOpenReferralId);
    }

    private static HsdsOrganization.OrganizationIdentifier identifier(String organisationId, Identifier identifier) {
        return new HsdsOrganization.OrganizationIdentifier(uuid(organisationId, identifier.scheme(), identifier.value()), organisationId,
                identifier.orgIdPrefix(), identifier.register(), identifier.value());
    }

    private static Optional<ContactPoint> contactPoint(Organisation organisation, ContactPointKind kind) {
        return organisation.getContactPoints().stream().filter(point -> point.kind() == kind).findFirst();
    }

    private static String uuid(String organisationId, String kind, String value) {
        return UUID.nameUUIDFromBytes((organisationId + ":" + kind + ":" + value).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
