package org.civicgraph.gateway.route;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import org.civicgraph.gateway.downstream.Service;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which service owns each root query and mutation field, read from the services' own schemas, which the build copies
 * into the gateway's jar ({@code subgraphs/<service>/*.graphqls}), so the table cannot drift from them.
 */
@Component
class RootFieldRoutes {

    private final Map<String, Service> queries = new HashMap<>();
    private final Map<String, Service> mutations = new HashMap<>();

    RootFieldRoutes() {
        this("classpath*:subgraphs/*/*.graphqls");
    }

    RootFieldRoutes(String locationPattern) {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(locationPattern)) {
                String folder = resource.getURI().toString().replaceAll("/[^/]*$", "").replaceAll(".*/", "");
                Service service = Service.valueOf(folder.toUpperCase());
                read(resource.getContentAsString(StandardCharsets.UTF_8), service);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the services' schemas", e);
        }
        if (queries.isEmpty()) {
            throw new IllegalStateException("No service schemas under " + locationPattern + ": the build copies them there");
        }
    }

    Optional<Service> queryOwner(String field) {
        return Optional.ofNullable(queries.get(field));
    }

    Optional<Service> mutationOwner(String field) {
        return Optional.ofNullable(mutations.get(field));
    }

    private void read(String sdl, Service service) {
        Document document = Parser.parse(ParserEnvironment.newParserEnvironment().document(sdl)
                .parserOptions(ParserOptions.getDefaultSdlParserOptions()).build());
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof ObjectTypeDefinition type) {
                Map<String, Service> table = switch (type.getName()) {
                    case "Query" -> queries;
                    case "Mutation" -> mutations;
                    default -> null;
                };
                if (table != null) {
                    for (FieldDefinition field : type.getFieldDefinitions()) {
                        Service previous = table.put(field.getName(), service);
                        if (previous != null && previous != service) {
                            throw new IllegalStateException(type.getName() + "." + field.getName() + " is defined by both "
                                    + previous.id() + " and " + service.id());
                        }
                    }
                }
            }
        }
    }
}
