package org.civicgraph.platform.graphql;

import graphql.execution.ExecutionContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The complexity of the most recent requests, by document text, operation and variables. Clients send the same few
 * requests over and over (the portal's pages, the gateway's service calls for the same area), and measuring one walks
 * the whole document against the schema, which for a gateway view was a few per cent of its CPU time.
 */
final class RecentComplexities {

    private static final int MOST = 500;

    private record Request(String document, String operationName, Map<String, Object> variables) {
    }

    private final Map<Request, Long> recent = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Request, Long> eldest) {
            return size() > MOST;
        }
    };

    long of(ExecutionContext execution, GraphQlLimits limits) {
        Request request = new Request(execution.getExecutionInput().getQuery(), execution.getExecutionInput().getOperationName(),
                execution.getCoercedVariables().toMap());
        synchronized (recent) {
            Long known = recent.get(request);
            if (known != null) {
                return known;
            }
        }
        long complexity = QueryComplexity.of(execution, limits);
        synchronized (recent) {
            recent.put(request, complexity);
        }
        return complexity;
    }
}
