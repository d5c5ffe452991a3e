package org.civicgraph.plans;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the plans service.
 *
 * @param dueEvents the time-driven events: milestones that became overdue, periods closed with missing updates
 */
@ConfigurationProperties("civicgraph.plans")
public record PlansProperties(@DefaultValue DueEvents dueEvents) {

    /**
     * @param enabled              whether this instance looks for due occasions at all
     * @param interval             the pause between one look and the next
     * @param initialDelay         the pause after start-up before the first look
     * @param lease                how long one look may hold the lease before another instance may take over; longer
     *                             than a look ever takes
     * @param initialLookBackDays  on the very first look, with no record of an earlier one, how many days back to
     *                             announce what became due (never the whole history)
     * @param batchSize            how many activities or plans are read at a time
     * @param reportingDays        how many days after a quarter ends its updates are still expected: the quarter closes
     *                             the day after ({@code 2020/21 Q4}, ending 31 March, closes on 1 May with 30 days)
     * @param maxListedActivities  how many activities without an update a "period closed" event lists by name at most
     *                             (it always gives the count), so that a plan of thousands still makes a small event
     */
    public record DueEvents(@DefaultValue("true") boolean enabled,
                            @DefaultValue("15m") Duration interval,
                            @DefaultValue("1m") Duration initialDelay,
                            @DefaultValue("10m") Duration lease,
                            @DefaultValue("7") int initialLookBackDays,
                            @DefaultValue("500") int batchSize,
                            @DefaultValue("30") int reportingDays,
                            @DefaultValue("500") int maxListedActivities) {
    }
}
