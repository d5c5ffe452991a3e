package org.civicgraph.platform.graphql;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.language.Directive;
import graphql.language.ObjectTypeDefinition;
import graphql.parser.ParserOptions;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.federation.FederationSchemaFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;

import java.util.List;

/** Limits, error codes, routed instrumentation and page bounds for every GraphQL endpoint; Apollo Federation 2 for the subgraphs. */
@AutoConfiguration(beforeName = "org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration")
@EnableConfigurationProperties(GraphQlLimits.class)
public class GraphQlPlatformAutoConfiguration {

    @Bean
    QueryLimitsInstrumentation queryLimitsInstrumentation(GraphQlLimits limits) {
        ParserOptions.setDefaultOperationParserOptions(ParserOptions.getDefaultOperationParserOptions()
                .transform(options -> options.maxTokens(limits.maxTokens())));
        return new QueryLimitsInstrumentation(limits);
    }

    @Bean
    ErrorCodesInstrumentation errorCodesInstrumentation() {
        return new ErrorCodesInstrumentation();
    }

    /**
     * The same instrumentations that Spring Boot gives Spring for GraphQL, in the same order, with each hook routed
     * to the ones that implement it ({@link RoutedInstrumentation}) instead of chained.
     */
    @Bean
    GraphQlSourceBuilderCustomizer routedInstrumentation(ObjectProvider<Instrumentation> instrumentations) {
        return builder -> builder.configureGraphQl(graphQl -> {
            List<Instrumentation> all = instrumentations.orderedStream().toList();
            if (!all.isEmpty()) {
                graphQl.instrumentation(RoutedInstrumentation.of(all.size() == 1 ? all.get(0) : new ChainedInstrumentation(all)));
            }
        });
    }

    @Bean
    DataFetcherExceptionResolverAdapter platformExceptionResolver() {
        return GraphQlExceptionResolver.forFields();
    }

    @Bean
    SubscriptionExceptionResolverAdapter platformSubscriptionExceptionResolver() {
        return GraphQlExceptionResolver.forSubscriptions();
    }

    @Bean
    PageRequests pageRequests(GraphQlLimits limits) {
        return new PageRequests(limits);
    }

    /** Services are Federation 2 subgraphs: {@code _service}, {@code _entities} and {@code @key} entities. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "civicgraph.graphql.federation.enabled", havingValue = "true")
    static class Federation {

        private static final String PAGE_INFO = "PageInfo";
        private static final String SHAREABLE = "shareable";

        @Bean
        FederationSchemaFactory federationSchemaFactory() {
            return new FederationSchemaFactory();
        }

        @Bean
        GraphQlSourceBuilderCustomizer federationSchema(FederationSchemaFactory factory) {
            return builder -> builder.configureTypeDefinitions(Federation::shareConnectionTypes)
                    .schemaFactory(factory::createGraphQLSchema);
        }

        /**
         * Every service pages with the {@code PageInfo} that Spring for GraphQL adds to its schema; a Federation 2
         * composer refuses a value type that several subgraphs define unless each marks it {@code @shareable}.
         */
        private static void shareConnectionTypes(TypeDefinitionRegistry registry) {
            registry.getType(PAGE_INFO, ObjectTypeDefinition.class)
                    .filter(pageInfo -> pageInfo.getDirectives(SHAREABLE).isEmpty())
                    .ifPresent(pageInfo -> {
                        registry.remove(pageInfo);
                        registry.add(pageInfo.transform(type -> type.directive(Directive.newDirective().name(SHAREABLE).build())));
                    });
        }
    }
}
