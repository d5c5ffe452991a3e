package org.civicgraph.contracts.contract;

import org.civicgraph.contracts.ContractsProperties;
import org.civicgraph.platform.scheduling.PeriodicLook;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Looks for due occasions ({@link DueEventRunner}) every {@code civicgraph.contracts.due-events.interval} after the
 * last look ended, starting {@code initial-delay} after start-up; off with {@code enabled: false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "civicgraph.contracts.due-events.enabled", havingValue = "true", matchIfMissing = true)
class DueEventSchedule extends PeriodicLook {

    private final DueEventRunner runner;

    DueEventSchedule(DueEventRunner runner, ContractsProperties properties) {
        super("Looking for due contract occasions", properties.dueEvents().interval(), properties.dueEvents().initialDelay());
        this.runner = runner;
    }

    @Override
    protected String lookOnce() {
        DueEventRunner.Report report = runner.runOnce();
        return report.skipped() || report.total() == 0 ? null : "announced " + report.announced();
    }
}
