package org.civicgraph.partners.organisation;

import org.civicgraph.partners.organisation.OrganisationInputs.AddUnitInput;
import org.civicgraph.partners.organisation.OrganisationInputs.AddUnitPayload;
import org.civicgraph.partners.organisation.OrganisationInputs.CloseOrganisationInput;
import org.civicgraph.partners.organisation.OrganisationInputs.CloseOrganisationPayload;
import org.civicgraph.partners.organisation.OrganisationInputs.CreateOrganisationInput;
import org.civicgraph.partners.organisation.OrganisationInputs.CreateOrganisationPayload;
import org.civicgraph.partners.organisation.OrganisationInputs.MergeOrganisationsInput;
import org.civicgraph.partners.organisation.OrganisationInputs.MergeOrganisationsPayload;
import org.civicgraph.partners.organisation.OrganisationInputs.UpdateOrganisationInput;
import org.civicgraph.partners.organisation.OrganisationInputs.UpdateOrganisationPayload;
import org.civicgraph.platform.graphql.FederatedEntities;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@Controller
class OrganisationController {

    private final OrganisationDirectory directory;
    private final OrganisationChanges changes;
    private final OrganisationMerger merger;

    OrganisationController(OrganisationDirectory directory, OrganisationChanges changes, OrganisationMerger merger) {
        this.directory = directory;
        this.changes = changes;
        this.merger = merger;
    }

    @QueryMapping
    Organisation organisation(@Argument String id) {
        return directory.find(id).orElse(null);
    }

    @QueryMapping
    Organisation organisationByIdentifier(@Argument IdentifierScheme scheme, @Argument String value) {
        return directory.findByIdentifier(scheme, value.strip()).orElse(null);
    }

    @QueryMapping
    Unit unit(@Argument String id) {
        return directory.findUnit(id).orElse(null);
    }

    @EntityMapping
    List<Organisation> organisation(@Argument List<String> id) {
        Map<String, Organisation> found = directory.findAll(id);
        return id.stream().map(found::get).toList();
    }

    @EntityMapping
    List<Unit> unit(@Argument List<String> id) {
        return FederatedEntities.inRequestedOrder(id, directory.findUnits(id).values(), Unit::id);
    }

    @SchemaMapping(typeName = "Organisation")
    List<Contact> contacts(Organisation organisation) {
        return directory.contactsFor(organisation);
    }

    @SchemaMapping(typeName = "Organisation")
    Organisation successor(Organisation organisation) {
        return directory.successor(organisation).orElse(null);
    }

    @SchemaMapping(typeName = "Organisation")
    Organisation current(Organisation organisation) {
        return directory.current(organisation);
    }

    @BatchMapping(typeName = "Unit", field = "organisation")
    Map<Unit, Organisation> unitOrganisations(List<Unit> units) {
        Map<String, Organisation> found = directory.findAll(units.stream().map(Unit::organisationId).distinct().toList());
        return units.stream().filter(unit -> found.containsKey(unit.organisationId()))
                .collect(Collectors.toMap(Function.identity(), unit -> found.get(unit.organisationId()), (a, b) -> a));
    }

    @MutationMapping
    CreateOrganisationPayload createOrganisation(@Argument CreateOrganisationInput input) {
        return new CreateOrganisationPayload(changes.create(input));
    }

    @MutationMapping
    UpdateOrganisationPayload updateOrganisation(@Argument UpdateOrganisationInput input) {
        return new UpdateOrganisationPayload(changes.update(input));
    }

    @MutationMapping
    CloseOrganisationPayload closeOrganisation(@Argument CloseOrganisationInput input) {
        return new CloseOrganisationPayload(changes.close(input));
    }

    @MutationMapping
    MergeOrganisationsPayload mergeOrganisations(@Argument MergeOrganisationsInput input) {
        return new MergeOrganisationsPayload(merger.merge(input), input.mergedId());
    }

    @MutationMapping
    AddUnitPayload addUnit(@Argument AddUnitInput input) {
        return new AddUnitPayload(changes.addUnit(input));
    }
}
