package org.civicgraph.gateway.organisation;

import org.civicgraph.gateway.downstream.BearerToken;
import org.civicgraph.gateway.downstream.ResponseFields;
import org.civicgraph.gateway.downstream.Service;
import org.civicgraph.gateway.downstream.Subgraphs;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Everything CivicGraph knows about one organisation: its directory entry (partners-service), the contracts it holds
 * as provider and the strategies it commissions (contracts-service, one request), and the plan activities it leads
 * or partners on (plans-service). The three services are asked at the same time.
 */
@Controller
class Organisation360Controller {

    private static final String ORGANISATION = """
            query($id: ID!) { organisation(id: $id) { id name type website } }""";
    private static final String CONTRACTS = """
            query($id: ID!) {
              asProvider: contracts(filter: {providerOrganisationId: $id}, first: 100) {
                edges { node { id strategyId ownerOrganisation service provider valueAmount term reviewDate performance } } }
              commissioned: commissioningStrategies(filter: {ownerOrganisation: $id}, first: 100) {
                edges { node { id ownerOrganisation title stage commissionerStatus reportDate } } } }""";
    private static final String ACTIVITIES = """
            query($id: ID!) { activities(filter: {organisation: $id}, first: 100) {
                edges { node { id planId reference description leadOrganisation partnerOrganisations } } } }""";

    private final Subgraphs subgraphs;
    private final Executor fanOut;

    Organisation360Controller(Subgraphs subgraphs, @Qualifier("downstreamCalls") Executor fanOut) {
        this.subgraphs = subgraphs;
        this.fanOut = fanOut;
    }

    @QueryMapping
    Organisation360 organisation360(@Argument String id) {
        return new Organisation360(id);
    }

    @SchemaMapping
    CompletableFuture<Map<String, Object>> organisation(Organisation360 view) {
        return ask(Service.PARTNERS, ORGANISATION, view).thenApply(response -> ResponseFields.object(response, "organisation"));
    }

    @SchemaMapping
    CompletableFuture<List<Map<String, Object>>> contractsAsProvider(Organisation360 view) {
        return view.contracts(() -> ask(Service.CONTRACTS, CONTRACTS, view)).thenApply(response -> ResponseFields.nodes(response, "asProvider"));
    }

    @SchemaMapping
    CompletableFuture<List<Map<String, Object>>> strategiesCommissioned(Organisation360 view) {
        return view.contracts(() -> ask(Service.CONTRACTS, CONTRACTS, view)).thenApply(response -> ResponseFields.nodes(response, "commissioned"));
    }

    @SchemaMapping
    CompletableFuture<List<Map<String, Object>>> activities(Organisation360 view) {
        return ask(Service.PLANS, ACTIVITIES, view).thenApply(response -> ResponseFields.nodes(response, "activities"));
    }

    private CompletableFuture<ClientGraphQlResponse> ask(Service service, String document, Organisation360 view) {
        String token = BearerToken.current();
        return CompletableFuture.supplyAsync(() -> subgraphs.get(service).query(document, Map.of("id", view.getId()), token), fanOut);
    }

}
