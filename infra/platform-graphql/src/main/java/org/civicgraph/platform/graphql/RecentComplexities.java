package org.civicgraph.platform.graphql;

import graphql.execution.ExecutionContext;

import java.util.Map;

/**
 * The complexity of the most recent requests, by document text, operation and variables: measuring one walks the
 * whole document against the schema, which for a gateway view was a few per cent of its CPU time.
 */
final class RecentComplexities {

    private record Request(String document, String operationName, Map<String, Object> variables) {
    }

    private final RecentlyUsed<Request, Long> recent = new RecentlyUsed<>(500);

    long of(ExecutionContext execution, GraphQlLimits limits) {
        Request request = new Request(execution.getExecutionInput().getQuery(), execution.getExecutionInput().getOperationName(),
                execution.getCoercedVariables().toMap());
        return recent.get(request, unused -> QueryComplexity.of(execution, limits));
    }
}
