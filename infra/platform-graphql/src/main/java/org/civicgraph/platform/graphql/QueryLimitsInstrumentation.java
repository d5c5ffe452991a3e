package org.civicgraph.platform.graphql;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.validation.ValidationError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rejects a request whose document is too deep, too complex or uses too many aliases, before any data is fetched. */
class QueryLimitsInstrumentation implements Instrumentation {

    private final GraphQlLimits limits;

    QueryLimitsInstrumentation(GraphQlLimits limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                        InstrumentationState state) {
        QueryShape shape = QueryShape.of(parameters.getDocument(), limits.maxPageSize());
        List<GraphQLError> errors = new ArrayList<>();
        if (shape.depth() > limits.maxDepth()) {
            errors.add(limitError("QUERY_TOO_DEEP", "The query is nested " + shape.depth()
                    + " levels deep; the limit is " + limits.maxDepth() + ".", shape.depth(), limits.maxDepth()));
        }
        if (shape.aliases() > limits.maxAliases()) {
            errors.add(limitError("TOO_MANY_ALIASES", "The query uses " + shape.aliases()
                    + " aliases; the limit is " + limits.maxAliases() + ".", shape.aliases(), limits.maxAliases()));
        }
        if (shape.complexity() > limits.maxComplexity()) {
            errors.add(limitError("QUERY_TOO_COMPLEX", "The query asks for about " + shape.complexity()
                    + " fields; the limit is " + limits.maxComplexity() + ". Ask for fewer fields or smaller pages.",
                    shape.complexity(), limits.maxComplexity()));
        }
        if (!errors.isEmpty()) {
            throw new AbortExecutionException(errors);
        }
        return Instrumentation.super.beginValidation(parameters, state);
    }

    private static GraphQLError limitError(String code, String message, long actual, long limit) {
        return GraphqlErrorBuilder.newError()
                .errorType(ErrorType.ValidationError)
                .message(message)
                .extensions(Map.of("code", code, "actual", actual, "limit", limit))
                .build();
    }
}
