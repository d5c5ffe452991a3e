package org.civicgraph.platform.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns the platform's exceptions into GraphQL errors with a code and, where known, the field at fault. */
class GraphQlExceptionResolver extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof InvalidInputException invalid) {
            return error(env, ErrorType.BAD_REQUEST, "BAD_USER_INPUT", invalid.getMessage(), invalid.field());
        }
        if (ex instanceof NotFoundException notFound) {
            return error(env, ErrorType.NOT_FOUND, "NOT_FOUND", notFound.getMessage(), notFound.field());
        }
        if (ex instanceof AccessDeniedException denied) {
            return signedIn()
                    ? error(env, ErrorType.FORBIDDEN, "FORBIDDEN", denied.getMessage(), null)
                    : error(env, ErrorType.UNAUTHORIZED, "UNAUTHENTICATED", denied.getMessage(), null);
        }
        if (ex instanceof OptimisticLockingFailureException) {
            return error(env, ErrorType.BAD_REQUEST, "CONFLICT", "The record was changed by someone else; load it again and retry.", null);
        }
        if (ex instanceof DuplicateKeyException) {
            return error(env, ErrorType.BAD_REQUEST, "CONFLICT", "A record with this identifier already exists.", "id");
        }
        return null;
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String code, String message, String field) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        if (field != null) {
            extensions.put("field", field);
        }
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).extensions(extensions).build();
    }
}
