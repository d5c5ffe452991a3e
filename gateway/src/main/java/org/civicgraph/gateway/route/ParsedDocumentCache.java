package org.civicgraph.gateway.route;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import org.civicgraph.platform.graphql.RecentlyUsed;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parses and validates each document the gateway executes once, not on every request. What parsing and validation
 * decide depends on the document alone, never on variables, so an invalid document is remembered with its errors
 * (in the language of the request that first sent it). A document over the platform's depth, complexity or alias
 * limits is refused by an exception before it could be remembered, and is measured again each time it is sent.
 */
@Configuration(proxyBeanMethods = false)
class ParsedDocumentCache {

    private static final int MOST_DOCUMENTS = 500;

    @Bean
    GraphQlSourceBuilderCustomizer parseEachDocumentOnce() {
        RecentlyUsed<String, PreparsedDocumentEntry> documents = new RecentlyUsed<>(MOST_DOCUMENTS);
        PreparsedDocumentProvider provider = new PreparsedDocumentProvider() {
            @Override
            public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                             Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
                return CompletableFuture.completedFuture(documents.get(input.getLocale() + "\n" + input.getQuery(), key -> parseAndValidate.apply(input)));
            }
        };
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
    }
}
