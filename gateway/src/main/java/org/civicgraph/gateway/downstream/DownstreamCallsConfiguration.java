package org.civicgraph.gateway.downstream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.util.concurrent.Executor;

/** Threads on which the gateway waits for services, so calls to different services overlap instead of queueing. */
@Configuration(proxyBeanMethods = false)
class DownstreamCallsConfiguration {

    @Bean
    Executor downstreamCalls() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("downstream-");
        executor.setCorePoolSize(16);
        executor.setMaxPoolSize(64);
        executor.setQueueCapacity(1_000);
        executor.initialize();
        return executor;
    }
}
