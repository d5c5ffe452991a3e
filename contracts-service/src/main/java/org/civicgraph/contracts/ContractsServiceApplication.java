package org.civicgraph.contracts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Commissioning strategies and their key contracts: terms, reviews, performance and the commissioner's status. */
@SpringBootApplication
@EnableConfigurationProperties(ContractsProperties.class)
public class ContractsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ContractsServiceApplication.class, args);
    }
}
