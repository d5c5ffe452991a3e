package org.civicgraph.webhooks;

import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The webhook tests' one application (one context, so one consumer reads the topics), with loopback endpoints allowed
 * and short retry settings: a failing delivery is retried from 100 ms, doubling up to 1 s, and parked 6 s after its
 * first attempt.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PlatformIntegrationTest
@TestPropertySource(properties = {
        "civicgraph.webhooks.allow-plain-http-loopback=true",
        "civicgraph.webhooks.first-retry=100ms",
        "civicgraph.webhooks.max-retry-interval=1s",
        "civicgraph.webhooks.park-after=6s",
        "civicgraph.webhooks.request-timeout=2s",
        "civicgraph.webhooks.recovery-interval=1s"})
@interface WebhooksIntegrationTest {
}
