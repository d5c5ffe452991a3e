package org.civicgraph.webhooks;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Webhook subscriptions for partners without Kafka: an organisation's admin registers an endpoint with filters, the
 * endpoint proves it wants the events (the CloudEvents webhook handshake), and every matching change event is
 * delivered to it as a signed CloudEvent over HTTP, in order per subject, at least once.
 */
@SpringBootApplication
@EnableConfigurationProperties(WebhooksProperties.class)
public class WebhooksServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebhooksServiceApplication.class, args);
    }
}
