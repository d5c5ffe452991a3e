package org.civicgraph.gateway.organisation;

import org.springframework.graphql.client.ClientGraphQlResponse;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** The organisation a 360 view is for; the contracts-service answer is shared by the two parts that come from it. */
final class Organisation360 {

    private final String id;
    private CompletableFuture<ClientGraphQlResponse> contracts;

    Organisation360(String id) {
        this.id = id;
    }

    String getId() {
        return id;
    }

    synchronized CompletableFuture<ClientGraphQlResponse> contracts(Supplier<CompletableFuture<ClientGraphQlResponse>> ask) {
        if (contracts == null) {
            contracts = ask.get();
        }
        return contracts;
    }
}
