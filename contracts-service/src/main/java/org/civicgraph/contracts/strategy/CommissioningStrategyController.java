package org.civicgraph.contracts.strategy;

import org.civicgraph.contracts.organisation.Organisation;
import org.civicgraph.platform.graphql.PageRequests;
import org.civicgraph.platform.graphql.FederatedEntities;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

import java.util.List;

@Controller
class CommissioningStrategyController {

    private final StrategyRegister register;
    private final PageRequests pages;

    CommissioningStrategyController(StrategyRegister register, PageRequests pages) {
        this.register = register;
        this.pages = pages;
    }

    @QueryMapping
    CommissioningStrategy commissioningStrategy(@Argument String id) {
        return register.find(id).orElse(null);
    }

    @QueryMapping
    Window<CommissioningStrategy> commissioningStrategies(@Argument StrategyFilter filter, ScrollSubrange subrange) {
        return register.search(filter == null ? StrategyFilter.NONE : filter, pages.position(subrange), pages.size(subrange));
    }

    @MutationMapping
    ReportStrategyStatusPayload reportStrategyStatus(@Argument ReportStrategyStatusInput input) {
        return new ReportStrategyStatusPayload(register.reportStatus(input));
    }

    // Organisations by id only: their current names are looked up for the whole response at once (Organisation.currentName).

    @SchemaMapping(typeName = "CommissioningStrategy")
    Organisation commissioner(CommissioningStrategy strategy) {
        return Organisation.of(strategy.getOwnerOrganisation());
    }

    @SchemaMapping(typeName = "PooledBudget")
    Organisation holder(PooledBudget budget) {
        return Organisation.of(budget.heldBy());
    }

    @SchemaMapping(typeName = "PooledBudgetContribution")
    Organisation organisation(PooledBudget.Contribution contribution) {
        return Organisation.of(contribution.organisationId());
    }

    @EntityMapping
    List<CommissioningStrategy> commissioningStrategy(@Argument List<String> id) {
        return FederatedEntities.inRequestedOrder(id, register.findAll(id), CommissioningStrategy::getId);
    }

    record ReportStrategyStatusPayload(CommissioningStrategy strategy) {
    }
}
