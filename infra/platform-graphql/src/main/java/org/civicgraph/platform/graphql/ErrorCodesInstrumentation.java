package org.civicgraph.platform.graphql;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Gives every error in a response an {@code extensions.code}, including the parser's and validator's own errors,
 * so clients can branch on one field whatever produced the error.
 */
class ErrorCodesInstrumentation implements Instrumentation {

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                      InstrumentationExecutionParameters parameters,
                                                                      InstrumentationState state) {
        if (result.getErrors().isEmpty() || result.getErrors().stream().allMatch(ErrorCodesInstrumentation::hasCode)) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> coded = result.getErrors().stream().map(ErrorCodesInstrumentation::withCode).toList();
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(coded)));
    }

    private static boolean hasCode(GraphQLError error) {
        return error.getExtensions() != null && error.getExtensions().containsKey("code");
    }

    private static GraphQLError withCode(GraphQLError error) {
        if (hasCode(error)) {
            return error;
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.put("code", codeFor(error.getErrorType()));
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .errorType(error.getErrorType())
                .extensions(extensions);
        if (error.getPath() != null) {
            builder.path(error.getPath());
        }
        return builder.build();
    }

    static String codeFor(ErrorClassification type) {
        if (type == null) {
            return "INTERNAL_ERROR";
        }
        return switch (type.toString()) {
            case "InvalidSyntax" -> "GRAPHQL_PARSE_FAILED";
            case "ValidationError" -> "GRAPHQL_VALIDATION_FAILED";
            case "OperationNotSupported" -> "OPERATION_NOT_SUPPORTED";
            case "DataFetchingException", "NullValueInNonNullableField" -> "INTERNAL_ERROR";
            case "ExecutionAborted" -> "EXECUTION_ABORTED";
            default -> type.toString();
        };
    }
}
