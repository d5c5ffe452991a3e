package org.civicgraph.platform.graphql;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds the platform modules' default settings ({@code civicgraph/defaults/*.properties}) with the lowest
 * precedence, so every application shares them and any application or environment variable can override them.
 */
class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:civicgraph/defaults/*.properties")) {
                environment.getPropertySources().addLast(new ResourcePropertySource("civicgraph-defaults:" + resource.getFilename(), resource));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the platform's default settings", e);
        }
    }
}
