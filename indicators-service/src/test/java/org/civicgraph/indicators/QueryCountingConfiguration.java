package org.civicgraph.indicators;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Counts the service's MongoDB reads in every test application, so tests that count round trips share one
 * application context with the rest (registered in the test class path's auto-configuration imports).
 */
@AutoConfiguration
public class QueryCountingConfiguration {

    @Bean
    MongoQueries mongoQueries() {
        return new MongoQueries();
    }

    @Bean
    MongoClientSettingsBuilderCustomizer countMongoQueries(MongoQueries queries) {
        return settings -> settings.addCommandListener(queries);
    }
}
