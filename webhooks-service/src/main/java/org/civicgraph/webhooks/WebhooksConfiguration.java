package org.civicgraph.webhooks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.http.HttpClient;
import java.util.concurrent.Executors;

@Configuration(proxyBeanMethods = false)
class WebhooksConfiguration {

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
