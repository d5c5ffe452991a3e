package org.civicgraph.plans;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.ZoneId;

/** Plans that organisations adopt (corporate plans, strategies, strategic plans) with their themes and objectives. */
@SpringBootApplication
@EnableConfigurationProperties(PlansProperties.class)
public class PlansServiceApplication {

    /** The UK's time zone: the days milestones fall due on and quarters end on are the UK's. */
    public static final ZoneId UK = ZoneId.of("Europe/London");

    public static void main(String[] args) {
        SpringApplication.run(PlansServiceApplication.class, args);
    }

    /** The clock of the time-driven events; tests replace it with one they move. */
    @Bean
    Clock clock() {
        return Clock.system(UK);
    }
}
