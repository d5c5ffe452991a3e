package org.civicgraph.plans;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Plans that organisations adopt (corporate plans, strategies, strategic plans) with their themes and objectives. */
@SpringBootApplication
public class PlansServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlansServiceApplication.class, args);
    }
}
