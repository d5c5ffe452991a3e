package org.civicgraph.platform.graphql;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.ExecutionContext;
import graphql.schema.GraphQLFieldDefinition;

import java.util.HashMap;
import java.util.Map;

/**
 * How many fields a request asks for, measured against the schema with the request's variables: a field inside a
 * paged list counts once per item the page may hold. The page is what the client asked for ({@code first} or
 * {@code last}, written in the query or given as a variable) capped at the largest page, or the default page when it
 * asked for none, as the list will serve it. Introspection fields do not count.
 */
final class QueryComplexity {

    private static final String[] PAGE_SIZE_ARGUMENTS = {"first", "last"};

    private QueryComplexity() {
    }

    static long of(ExecutionContext execution, GraphQlLimits limits) {
        Map<QueryVisitorFieldEnvironment, Long> childTotals = new HashMap<>();
        QueryTraverser.newQueryTraverser()
                .schema(execution.getGraphQLSchema())
                .document(execution.getDocument())
                .operationName(execution.getExecutionInput().getOperationName())
                .coercedVariables(execution.getCoercedVariables())
                .build()
                .visitPostOrder(new QueryVisitorStub() {
                    @Override
                    public void visitField(QueryVisitorFieldEnvironment field) {
                        if (field.getField().getName().startsWith("__")) {
                            return;
                        }
                        long children = childTotals.getOrDefault(field, 0L);
                        long own = 1 + Math.min(Integer.MAX_VALUE, pageSize(field, limits) * children);
                        childTotals.merge(field.getParentEnvironment(), own, Long::sum);
                    }
                });
        return childTotals.getOrDefault(null, 0L);
    }

    private static long pageSize(QueryVisitorFieldEnvironment field, GraphQlLimits limits) {
        GraphQLFieldDefinition definition = field.getFieldDefinition();
        boolean paged = false;
        long asked = 0;
        for (String name : PAGE_SIZE_ARGUMENTS) {
            if (definition.getArgument(name) != null) {
                paged = true;
                if (field.getArguments().get(name) instanceof Number size) {
                    asked = Math.max(asked, size.longValue());
                }
            }
        }
        if (!paged) {
            return 1;
        }
        long size = asked > 0 ? asked : limits.defaultPageSize();
        return Math.max(1, Math.min(size, limits.maxPageSize()));
    }
}
