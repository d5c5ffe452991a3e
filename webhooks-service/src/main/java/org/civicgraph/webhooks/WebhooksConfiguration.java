package org.civicgraph.webhooks;

import org.civicgraph.webhooks.subscription.EndpointAddresses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.net.InetAddress;
import java.net.http.HttpClient;
import java.util.concurrent.Executors;

@Configuration(proxyBeanMethods = false)
class WebhooksConfiguration {

    /**
     * The listener that turns events into deliveries retries a record that fails (the database away) until it succeeds,
     * holding back the records after it, rather than parking it on a dead-letter topic as other consumers do: a parked
     * record would be a delivery no subscriber ever gets. Events wait in Kafka meanwhile.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> webhookDeliveriesListenerFactory(ConsumerFactory<Object, Object> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(30_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff)); // no max attempts: until it works
        return factory;
    }

    @Bean
    EndpointAddresses.HostResolver hostResolver() {
        return InetAddress::getAllByName;
    }

    /** One client for handshakes and deliveries: HTTP/1.1, no redirects (an endpoint is where it was validated). */
    @Bean
    HttpClient webhookHttpClient(WebhooksProperties properties) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.connectTimeout())
                .executor(Executors.newCachedThreadPool(runnable -> {
                    Thread thread = new Thread(runnable, "webhook-http");
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }
}
