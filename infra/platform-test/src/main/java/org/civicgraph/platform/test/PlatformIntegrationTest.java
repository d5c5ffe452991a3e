package org.civicgraph.platform.test;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A full application test on a real HTTP port against the shared {@link TestInfrastructure}
 * (MongoDB, Kafka and the token issuer; containers where Docker exists, embedded otherwise).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface PlatformIntegrationTest {
}
