package org.civicgraph.platform.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.time.Duration;

/**
 * A look that runs every {@code interval} after the previous one ended, first {@code initialDelay} after start-up
 * (such as a service's look for occasions that fell due). A look that fails is logged and the next one tries again;
 * what a look did is logged when it did something. Subclasses are {@code @Configuration} classes with
 * {@code @EnableScheduling}, switched on by their service's property.
 */
public abstract class PeriodicLook implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(PeriodicLook.class);

    private final String what;
    private final Duration interval;
    private final Duration initialDelay;

    /** @param what what the look is for, in the logs: "Looking for due contract occasions" */
    protected PeriodicLook(String what, Duration interval, Duration initialDelay) {
        this.what = what;
        this.interval = interval;
        this.initialDelay = initialDelay;
    }

    /** One look; returns what it did, or null when it did nothing worth a log line. */
    protected abstract String lookOnce();

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::look, interval, initialDelay));
    }

    private void look() {
        try {
            String done = lookOnce();
            if (done != null) {
                log.info("{}: {}", what, done);
            }
        } catch (RuntimeException e) {
            log.warn("{} failed; the next look tries again: {}", what, e.toString());
        }
    }
}
