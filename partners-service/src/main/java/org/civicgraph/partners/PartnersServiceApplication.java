package org.civicgraph.partners;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The directory of partner organisations: identities, identifiers, units, areas served and partnerships. */
@SpringBootApplication
@EnableConfigurationProperties(PartnersProperties.class)
public class PartnersServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PartnersServiceApplication.class, args);
    }
}
