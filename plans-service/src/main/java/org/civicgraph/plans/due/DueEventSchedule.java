package org.civicgraph.plans.due;

import org.civicgraph.plans.PlansProperties;
import org.civicgraph.platform.scheduling.PeriodicLook;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Looks for due occasions ({@link DueEventRunner}) every {@code civicgraph.plans.due-events.interval} after the last
 * look ended, starting {@code initial-delay} after start-up; off with {@code enabled: false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "civicgraph.plans.due-events.enabled", havingValue = "true", matchIfMissing = true)
class DueEventSchedule extends PeriodicLook {

    private final DueEventRunner runner;

    DueEventSchedule(DueEventRunner runner, PlansProperties properties) {
        super("Looking for due plan occasions", properties.dueEvents().interval(), properties.dueEvents().initialDelay());
        this.runner = runner;
    }

    @Override
    protected String lookOnce() {
        DueEventRunner.Report report = runner.runOnce();
        return report.skipped() || report.total() == 0 ? null : "announced " + report.announced();
    }
}
