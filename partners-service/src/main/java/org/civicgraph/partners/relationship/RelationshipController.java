package org.civicgraph.partners.relationship;

import org.civicgraph.partners.organisation.IsoDate;
import org.civicgraph.partners.organisation.Organisation;
import org.civicgraph.partners.organisation.OrganisationChanges;
import org.civicgraph.partners.organisation.OrganisationDirectory;
import org.civicgraph.partners.organisation.Relationship;
import org.civicgraph.partners.organisation.RelationshipKind;
import org.civicgraph.partners.organisation.Unit;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An organisation's relationships in both directions, adding one and ending one. */
@Controller
class RelationshipController {

    private final OrganisationDirectory directory;
    private final OrganisationChanges changes;

    RelationshipController(OrganisationDirectory directory, OrganisationChanges changes) {
        this.directory = directory;
        this.changes = changes;
    }

    @SchemaMapping(typeName = "Organisation")
    List<RelationshipView> relationships(Organisation organisation) {
        List<RelationshipView> views = new ArrayList<>();
        organisation.getRelationships().forEach(relationship -> views.add(RelationshipView.stated(relationship)));
        for (Organisation other : directory.relatedTo(organisation)) {
            other.getRelationships().stream()
                    .filter(relationship -> relationship.otherId().equals(organisation.getId())
                            || organisation.getMergedIds().contains(relationship.otherId()))
                    .forEach(relationship -> views.add(RelationshipView.statedBy(other.getId(), relationship)));
        }
        return views;
    }

    @BatchMapping(typeName = "Relationship", field = "organisation")
    Map<RelationshipView, Organisation> organisations(List<RelationshipView> relationships) {
        Map<String, Organisation> found = directory.findAll(relationships.stream().map(RelationshipView::organisationId).distinct().toList());
        return relationships.stream().filter(relationship -> found.containsKey(relationship.organisationId()))
                .collect(Collectors.toMap(Function.identity(), relationship -> found.get(relationship.organisationId()), (a, b) -> a));
    }

    @SchemaMapping(typeName = "Relationship")
    Unit unit(RelationshipView relationship) {
        return relationship.unitId() == null ? null : directory.findUnit(relationship.unitId()).orElse(null);
    }

    @SchemaMapping(typeName = "Relationship")
    Unit otherUnit(RelationshipView relationship) {
        return relationship.otherUnitId() == null ? null : directory.findUnit(relationship.otherUnitId()).orElse(null);
    }

    @MutationMapping
    AddRelationshipPayload addRelationship(@Argument AddRelationshipInput input) {
        Relationship added = changes.addRelationship(input.organisationId(), input.kind(), input.otherOrganisationId(), input.unitId(),
                IsoDate.parse("since", input.since()), IsoDate.parse("until", input.until()), input.description());
        return new AddRelationshipPayload(directory.find(input.organisationId()).orElseThrow(), RelationshipView.stated(added));
    }

    @MutationMapping
    EndRelationshipPayload endRelationship(@Argument EndRelationshipInput input) {
        Organisation stating = changes.endRelationship(input.relationshipId(), IsoDate.parse("until", input.until()), input.reason());
        return new EndRelationshipPayload(stating, RelationshipView.stated(stating.findRelationship(input.relationshipId()).orElseThrow()));
    }

    record EndRelationshipInput(String relationshipId, String until, String reason) {
    }

    record EndRelationshipPayload(Organisation organisation, RelationshipView relationship) {
    }

    record AddRelationshipInput(String organisationId, RelationshipKind kind, String otherOrganisationId, String unitId,
                                String since, String until, String description) {
    }

    record AddRelationshipPayload(Organisation organisation, RelationshipView relationship) {
    }
}
