package org.civicgraph.contracts.contract;

import org.civicgraph.contracts.organisation.Organisation;
import org.civicgraph.contracts.strategy.CommissioningStrategy;
import org.civicgraph.platform.graphql.FederatedEntities;
import org.civicgraph.platform.graphql.PageRequests;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Controller
class ContractController {

    private final ContractRegister register;
    private final DecisionsCalendar calendar;
    private final OcdsReleasePackages ocds;
    private final AreaLineage lineage;
    private final PageRequests pages;

    ContractController(ContractRegister register, DecisionsCalendar calendar, OcdsReleasePackages ocds, AreaLineage lineage,
                       PageRequests pages) {
        this.register = register;
        this.calendar = calendar;
        this.ocds = ocds;
        this.lineage = lineage;
        this.pages = pages;
    }

    @QueryMapping
    Contract contract(@Argument String id) {
        return register.find(id).orElse(null);
    }

    @QueryMapping
    Window<Contract> contracts(@Argument ContractFilter filter, ScrollSubrange subrange) {
        return register.search(filter == null ? ContractFilter.NONE : filter, pages.position(subrange), pages.size(subrange));
    }

    @QueryMapping
    Window<ContractServingArea> contractsServingArea(@Argument String area, ScrollSubrange subrange) {
        List<String> areas = lineage.of(area);
        return register.servingAnyOf(areas, pages.position(subrange), pages.size(subrange)).map(contract -> {
            String recordedFor = areas.stream().filter(contract.getAreas()::contains).findFirst().orElse(area);
            return new ContractServingArea(contract, recordedFor, !recordedFor.equals(area));
        });
    }

    @QueryMapping
    Window<ContractDecision> decisionsCalendar(@Argument int days, @Argument String from, @Argument String ownerOrganisation,
                                               ScrollSubrange subrange) {
        LocalDate first = ContractInputRules.date("from", from);
        return calendar.decisions(first == null ? register.today() : first, days, ownerOrganisation, pages.position(subrange),
                pages.size(subrange));
    }

    @MutationMapping
    ContractPayload registerContract(@Argument RegisterContractInput input) {
        return new ContractPayload(register.register(input));
    }

    @MutationMapping
    ContractPayload recordContractRating(@Argument RecordRatingInput input) {
        return new ContractPayload(register.recordRating(input));
    }

    @MutationMapping
    ContractPayload exerciseExtensionOption(@Argument OptionDecisionInput input) {
        return new ContractPayload(register.exerciseOption(input));
    }

    @MutationMapping
    ContractPayload declineExtensionOption(@Argument OptionDecisionInput input) {
        return new ContractPayload(register.declineOption(input));
    }

    @MutationMapping
    ContractPayload amendContract(@Argument AmendContractInput input) {
        return new ContractPayload(register.amend(input));
    }

    @SchemaMapping(typeName = "Contract")
    String term(Contract contract) {
        return contract.getTerm().asWritten();
    }

    @SchemaMapping(typeName = "Contract")
    ContractTerm period(Contract contract) {
        return contract.getTerm();
    }

    @SchemaMapping(typeName = "Contract")
    String reviewDate(Contract contract) {
        return contract.getReview() == null ? null : contract.getReview().asWritten();
    }

    @SchemaMapping(typeName = "Contract")
    String valueAmount(Contract contract) {
        return plain(contract.getValue());
    }

    @SchemaMapping(typeName = "Contract")
    String currency(Contract contract) {
        return "GBP";
    }

    @SchemaMapping(typeName = "Contract")
    String commercialNotes(Contract contract) {
        return InternalFields.forCurrentCaller(contract.getCommercialNotes());
    }

    @SchemaMapping(typeName = "Contract")
    ProcurementActCompliance procurementActCompliance(Contract contract, @Argument String asOf) {
        LocalDate day = ContractInputRules.date("asOf", asOf);
        return ProcurementActCompliance.of(contract, day == null ? register.today() : day);
    }

    @SchemaMapping(typeName = "Contract")
    String ocdsReleasePackage(Contract contract) {
        return ocds.json(contract);
    }

    @SchemaMapping(typeName = "PerformanceRating")
    String correctiveMeasures(PerformanceRating rating) {
        return InternalFields.forCurrentCaller(rating.correctiveMeasures());
    }

    @SchemaMapping(typeName = "PerformanceRating")
    String label(PerformanceRating rating) {
        return rating.rating().label();
    }

    /** Only the ids here: the names of every organisation in the response are looked up at once (Organisation.currentName). */
    @SchemaMapping(typeName = "Contract")
    List<Organisation> providerOrganisations(Contract contract) {
        return contract.getProviderOrganisationIds().stream().map(Organisation::new).toList();
    }

    @SchemaMapping(typeName = "Organisation")
    Window<Contract> contractsAsProvider(Organisation organisation, ScrollSubrange subrange) {
        ContractFilter provider = new ContractFilter(null, null, organisation.id(), null, null, null, null);
        return register.search(provider, pages.position(subrange), pages.size(subrange));
    }

    @SchemaMapping(typeName = "Area")
    Window<ContractServingArea> contractsServing(Area area, ScrollSubrange subrange) {
        return contractsServingArea(area.code(), subrange);
    }

    /** A strategy's key contracts, for every strategy in the response at once. */
    @BatchMapping(typeName = "CommissioningStrategy", field = "keyContracts")
    Map<CommissioningStrategy, List<Contract>> keyContracts(List<CommissioningStrategy> strategies) {
        Map<String, List<Contract>> byStrategy = register.byStrategy(strategies.stream().map(CommissioningStrategy::getId).toList());
        Map<CommissioningStrategy, List<Contract>> keyContracts = new LinkedHashMap<>();
        strategies.forEach(strategy -> keyContracts.put(strategy, byStrategy.getOrDefault(strategy.getId(), List.of())));
        return keyContracts;
    }

    @EntityMapping("Contract")
    List<Contract> contractEntities(@Argument List<String> id) {
        return FederatedEntities.inRequestedOrder(id, register.findAll(id), Contract::getId);
    }

    @EntityMapping("Organisation")
    Organisation organisation(@Argument String id) {
        return new Organisation(id);
    }

    @EntityMapping("Area")
    Area area(@Argument String code) {
        return new Area(code);
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    /** What the contract mutations return. */
    record ContractPayload(Contract contract) {
    }
}
