package org.civicgraph.platform.graphql;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.validation.ValidationError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rejects a request whose document is too deep or uses too many aliases before it is validated, and one that asks for
 * too much (with its variables, against the schema) before any data is fetched.
 */
class QueryLimitsInstrumentation implements Instrumentation {

    private static final Logger log = LoggerFactory.getLogger(QueryLimitsInstrumentation.class);

    private final GraphQlLimits limits;
    private final RecentComplexities complexities = new RecentComplexities();

    QueryLimitsInstrumentation(GraphQlLimits limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                        InstrumentationState state) {
        QueryShape shape = QueryShape.of(parameters.getDocument());
        List<GraphQLError> errors = new ArrayList<>();
        if (shape.depth() > limits.maxDepth()) {
            errors.add(limitError("QUERY_TOO_DEEP", "The query is nested " + shape.depth()
                    + " levels deep; the limit is " + limits.maxDepth() + ".", shape.depth(), limits.maxDepth()));
        }
        if (shape.aliases() > limits.maxAliases()) {
            errors.add(limitError("TOO_MANY_ALIASES", "The query uses " + shape.aliases()
                    + " aliases; the limit is " + limits.maxAliases() + ".", shape.aliases(), limits.maxAliases()));
        }
        if (!errors.isEmpty()) {
            throw new AbortExecutionException(errors);
        }
        return Instrumentation.super.beginValidation(parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        long complexity = complexities.of(parameters.getExecutionContext(), limits);
        log.debug("Operation {} asks for about {} fields", parameters.getExecutionContext().getExecutionInput().getOperationName(), complexity);
        if (complexity > limits.maxComplexity()) {
            throw new AbortExecutionException(List.of(limitError("QUERY_TOO_COMPLEX", "The query asks for about " + complexity
                    + " fields; the limit is " + limits.maxComplexity() + ". Ask for fewer fields or smaller pages.",
                    complexity, limits.maxComplexity())));
        }
        return Instrumentation.super.beginExecuteOperation(parameters, state);
    }

    private static GraphQLError limitError(String code, String message, long actual, long limit) {
        return GraphqlErrorBuilder.newError()
                .errorType(ErrorType.ValidationError)
                .message(message)
                .extensions(Map.of("code", code, "actual", actual, "limit", limit))
                .build();
    }
}
