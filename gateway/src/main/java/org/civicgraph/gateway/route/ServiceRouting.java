package org.civicgraph.gateway.route;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.civicgraph.gateway.downstream.BearerToken;
import org.civicgraph.gateway.downstream.Service;
import org.civicgraph.gateway.downstream.ServiceUnavailableException;
import org.civicgraph.gateway.downstream.Subgraphs;
import org.civicgraph.gateway.execution.FieldNames;
import org.civicgraph.platform.graphql.RecentlyUsed;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One endpoint for everything: a query or mutation whose root fields all belong to one service (such as
 * {@code plan}, {@code ragSummary} or {@code submitProgressUpdate}) is passed to that service whole, with the
 * caller's token, behind the same bulkhead, circuit breaker and (reads only) retry as the views; the service's
 * answer, errors and all, comes back as it is, so each service still decides what the caller may see and change.
 * Anything else (the gateway's own views, subscriptions, introspection) runs here as before. When the service is
 * down the answer is an error with {@code extensions.code} SERVICE_UNAVAILABLE and {@code extensions.service}.
 */
@Component
class ServiceRouting implements WebGraphQlInterceptor {

    private final RootFieldRoutes routes;
    private final Subgraphs subgraphs;
    /** Each document is parsed here once: the route depends on the document and operation name alone. */
    private final RecentlyUsed<String, Route> known = new RecentlyUsed<>(500);

    ServiceRouting(RootFieldRoutes routes, Subgraphs subgraphs) {
        this.routes = routes;
        this.subgraphs = subgraphs;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Route route = route(request.getDocument(), request.getOperationName());
        if (route instanceof Route.Here) {
            return chain.next(request);
        }
        // read now: over WebSocket the caller is known only while the sign-in interceptor runs, not when this Mono does
        String token = Optional.ofNullable(bearerToken(request.getHeaders())).orElseGet(BearerToken::current);
        return Mono.fromCallable(() -> new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
                route instanceof Route.To to ? forward(request, to, token) : mixed((Route.Mixed) route))));
    }

    sealed interface Route {
        record Here() implements Route {
        }

        record To(Service service, boolean read) implements Route {
        }

        record Mixed(Set<String> owners) implements Route {
        }
    }

    Route route(String text, String operationName) {
        return known.get((operationName == null ? "" : operationName) + "\n" + text, key -> workOut(text, operationName));
    }

    private Route workOut(String text, String operationName) {
        Document document;
        try {
            document = Parser.parse(text);
        } catch (RuntimeException e) {
            return new Route.Here(); // reported by the normal execution path, with its usual code
        }
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        List<OperationDefinition> operations = new ArrayList<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                fragments.put(fragment.getName(), fragment);
            } else if (definition instanceof OperationDefinition operation) {
                operations.add(operation);
            }
        }
        OperationDefinition operation = operations.stream()
                .filter(candidate -> operationName == null ? operations.size() == 1 : operationName.equals(candidate.getName()))
                .findFirst().orElse(null);
        if (operation == null || operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
            return new Route.Here();
        }
        boolean read = operation.getOperation() == OperationDefinition.Operation.QUERY;
        Set<String> fields = FieldNames.of(operation.getSelectionSet(), fragments);
        Set<String> owners = new LinkedHashSet<>();
        Service only = null;
        for (String field : fields) {
            if (field.startsWith("__")) {
                continue;
            }
            Optional<Service> owner = read ? routes.queryOwner(field) : routes.mutationOwner(field);
            owners.add(owner.map(Service::id).orElse("gateway"));
            only = owner.orElse(null);
        }
        if (owners.isEmpty() || owners.equals(Set.of("gateway"))) {
            return new Route.Here();
        }
        if (owners.size() > 1) {
            return new Route.Mixed(owners);
        }
        return new Route.To(only, read);
    }

    private ExecutionResult forward(WebGraphQlRequest request, Route.To to, String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", request.getDocument());
        if (request.getOperationName() != null) {
            body.put("operationName", request.getOperationName());
        }
        body.put("variables", request.getVariables());
        try {
            return answer(subgraphs.get(to.service()).forward(body, token, to.read()));
        } catch (ServiceUnavailableException e) {
            return ExecutionResult.newExecutionResult().data(null).addError(new ServiceError(Map.of("message", e.getMessage(),
                    "extensions", Map.of("code", "SERVICE_UNAVAILABLE", "service", e.service().id())))).build();
        }
    }

    private static ExecutionResult mixed(Route.Mixed route) {
        return ExecutionResult.newExecutionResult().addError(new ServiceError(Map.of(
                "message", "One operation may ask one service's fields or the gateway's views, not both; this one asks "
                        + String.join(", ", route.owners()) + ". Send one operation for each.",
                "extensions", Map.of("code", "GRAPHQL_VALIDATION_FAILED")))).build();
    }

    @SuppressWarnings("unchecked")
    private static ExecutionResult answer(Map<String, Object> response) {
        ExecutionResult.Builder<?> result = ExecutionResult.newExecutionResult();
        if (response.containsKey("data")) {
            result.data(response.get("data"));
        }
        if (response.get("errors") instanceof List<?> errors) {
            errors.forEach(error -> result.addError(new ServiceError((Map<String, Object>) error)));
        }
        if (response.get("extensions") instanceof Map<?, ?> extensions) {
            result.extensions((Map<Object, Object>) extensions);
        }
        return result.build();
    }

    private static String bearerToken(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : null;
    }

    /** A service's error exactly as the service wrote it. */
    private record ServiceError(Map<String, Object> specification) implements GraphQLError {

        @Override
        public String getMessage() {
            return String.valueOf(specification.get("message"));
        }

        @Override
        public List<graphql.language.SourceLocation> getLocations() {
            return null;
        }

        @Override
        public graphql.ErrorClassification getErrorType() {
            return null;
        }

        @Override
        public Map<String, Object> toSpecification() {
            return specification;
        }
    }
}
