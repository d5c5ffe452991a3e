package org.civicgraph.gateway.downstream;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.CompletionException;

/** A part of a view whose service failed is null, with an error naming the service and the path. */
@Component
class ServiceUnavailableResolver extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        Throwable cause = ex instanceof CompletionException && ex.getCause() != null ? ex.getCause() : ex;
        if (cause instanceof ServiceUnavailableException unavailable) {
            return GraphqlErrorBuilder.newError(env)
                    .errorType(ErrorType.INTERNAL_ERROR)
                    .message(unavailable.getMessage())
                    .extensions(Map.of("code", "SERVICE_UNAVAILABLE", "service", unavailable.service().id()))
                    .build();
        }
        return null;
    }
}
