package org.civicgraph.platform.test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Points every test annotated with {@link PlatformIntegrationTest} at the shared {@link TestInfrastructure}:
 * a database of its own on the Mongo server, the Kafka broker and the token issuer. They override the application's
 * own configuration, but a test's own {@code @DynamicPropertySource} (a broker of its own, say) still wins.
 */
class PlatformInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        boolean annotated = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(PlatformIntegrationTest.class);
        return annotated ? new InfrastructureProperties() : null;
    }

    private record InfrastructureProperties() implements ContextCustomizer {

        private static final AtomicInteger contexts = new AtomicInteger();
        private static final String DYNAMIC_TEST_PROPERTIES = "Dynamic Test Properties";

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestInfrastructure infrastructure = TestInfrastructure.get();
            String database = "test-" + contexts.incrementAndGet();
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            MapPropertySource infrastructureProperties = new MapPropertySource("civicgraphTestInfrastructure", Map.of(
                    "spring.mongodb.uri", infrastructure.mongoUri(database),
                    "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri", infrastructure.tokenIssuer().issuerUri(),
                    "civicgraph.test.infrastructure-mode", infrastructure.mode().name()));
            if (sources.contains(DYNAMIC_TEST_PROPERTIES)) {
                sources.addAfter(DYNAMIC_TEST_PROPERTIES, infrastructureProperties);
            } else {
                sources.addFirst(infrastructureProperties);
            }
        }
    }
}
