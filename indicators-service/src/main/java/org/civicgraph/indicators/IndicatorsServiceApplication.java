package org.civicgraph.indicators;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Areas, indicator definitions, values, targets and comparisons. */
@SpringBootApplication
@EnableConfigurationProperties(IndicatorsProperties.class)
public class IndicatorsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IndicatorsServiceApplication.class, args);
    }
}
