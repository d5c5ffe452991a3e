package org.civicgraph.platform.eventcontracts;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnResource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.RestController;

/** Serves a service's AsyncAPI document and event schemas ({@link EventContractsController}) when it has them. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RestController.class)
@ConditionalOnResource(resources = "classpath:" + EventContractsController.ASYNCAPI)
public class EventContractsAutoConfiguration {

    @Bean
    EventContractsController civicgraphEventContractsController() {
        return new EventContractsController();
    }
}
