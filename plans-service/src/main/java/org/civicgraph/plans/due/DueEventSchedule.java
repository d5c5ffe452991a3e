package org.civicgraph.plans.due;

import org.civicgraph.plans.PlansProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Looks for due occasions ({@link DueEventRunner}) every {@code civicgraph.plans.due-events.interval} after the last
 * look ended, starting {@code initial-delay} after start-up; off with {@code enabled: false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "civicgraph.plans.due-events.enabled", havingValue = "true", matchIfMissing = true)
class DueEventSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DueEventSchedule.class);

    private final DueEventRunner runner;
    private final PlansProperties properties;

    DueEventSchedule(DueEventRunner runner, PlansProperties properties) {
        this.runner = runner;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::look, properties.dueEvents().interval(), properties.dueEvents().initialDelay()));
    }

    private void look() {
        try {
            DueEventRunner.Report report = runner.runOnce();
            if (!report.skipped() && report.total() > 0) {
                log.info("Announced due occasions: {}", report.announced());
            }
        } catch (RuntimeException e) {
            log.warn("Looking for due plan occasions failed; the next look tries again: {}", e.toString());
        }
    }
}
