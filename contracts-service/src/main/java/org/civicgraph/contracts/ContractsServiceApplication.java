package org.civicgraph.contracts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.ZoneId;

/** Commissioning strategies and their key contracts: terms, reviews, performance and the commissioner's status. */
@SpringBootApplication
@EnableConfigurationProperties(ContractsProperties.class)
public class ContractsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ContractsServiceApplication.class, args);
    }

    /** What "today" is, in the UK: one clock for the whole service, so tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Europe/London"));
    }
}
