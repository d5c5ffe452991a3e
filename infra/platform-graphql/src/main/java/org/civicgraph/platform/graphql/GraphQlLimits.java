package org.civicgraph.platform.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one GraphQL request may ask for. Introspection fields ({@code __schema}) do not count towards depth and
 * complexity: whether introspection is allowed at all is {@code spring.graphql.schema.introspection.enabled}.
 *
 * @param maxDepth        deepest nesting of fields
 * @param maxComplexity   fields requested, each field inside a list counted once per item asked for ({@code first})
 * @param maxAliases      aliased fields in one document
 * @param maxTokens       parser tokens in one document
 * @param maxPageSize     largest {@code first} or {@code last} a list accepts
 * @param defaultPageSize items in a page when the client does not say
 */
@ConfigurationProperties("civicgraph.graphql")
public record GraphQlLimits(
        @DefaultValue("12") int maxDepth,
        @DefaultValue("5000") int maxComplexity,
        @DefaultValue("30") int maxAliases,
        @DefaultValue("5000") int maxTokens,
        @DefaultValue("100") int maxPageSize,
        @DefaultValue("20") int defaultPageSize) {
}
