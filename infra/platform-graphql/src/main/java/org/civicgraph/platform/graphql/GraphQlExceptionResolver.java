package org.civicgraph.platform.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the platform's exceptions into GraphQL errors with a code and, where known, the field at fault, for queries
 * and mutations ({@link #forFields()}) and for subscriptions ({@link #forSubscriptions()}) alike.
 */
final class GraphQlExceptionResolver {

    private GraphQlExceptionResolver() {
    }

    static DataFetcherExceptionResolverAdapter forFields() {
        return new DataFetcherExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
                Described described = describe(ex);
                return described == null ? null : described.toError(GraphqlErrorBuilder.newError(env));
            }
        };
    }

    static SubscriptionExceptionResolverAdapter forSubscriptions() {
        return new SubscriptionExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable ex) {
                Described described = describe(ex);
                return described == null ? null : described.toError(GraphqlErrorBuilder.newError());
            }
        };
    }

    private record Described(ErrorType type, String code, String message, String field) {

        GraphQLError toError(GraphqlErrorBuilder<?> builder) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("code", code);
            if (field != null) {
                extensions.put("field", field);
            }
            return builder.errorType(type).message(message).extensions(extensions).build();
        }
    }

    private static Described describe(Throwable ex) {
        if (ex instanceof InvalidInputException invalid) {
            return new Described(ErrorType.BAD_REQUEST, "BAD_USER_INPUT", invalid.getMessage(), invalid.field());
        }
        if (ex instanceof NotFoundException notFound) {
            return new Described(ErrorType.NOT_FOUND, "NOT_FOUND", notFound.getMessage(), notFound.field());
        }
        if (ex instanceof AccessDeniedException denied) {
            return signedIn()
                    ? new Described(ErrorType.FORBIDDEN, "FORBIDDEN", denied.getMessage(), null)
                    : new Described(ErrorType.UNAUTHORIZED, "UNAUTHENTICATED", denied.getMessage(), null);
        }
        if (ex instanceof OptimisticLockingFailureException) {
            return new Described(ErrorType.BAD_REQUEST, "CONFLICT", "The record was changed by someone else; load it again and retry.", null);
        }
        if (ex instanceof DuplicateKeyException) {
            return new Described(ErrorType.BAD_REQUEST, "CONFLICT", "A record with this identifier already exists.", "id");
        }
        return null;
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
