package org.civicgraph.gateway.area;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A profile may start on a lineage reported within the last minutes, never on an older one. */
class AreaLineagesTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-22T12:00:00Z"));
    private final AreaLineages lineages = new AreaLineages(clock);

    @Test
    void aLineageIsKnownUntilItIsTenMinutesOld() {
        lineages.remember("E07000136", List.of("E07000136", "E10000019", "E12000004", "E92000001"));

        clock.now = clock.now.plus(AreaLineages.KEPT_FOR);
        assertThat(lineages.of("E07000136")).contains(List.of("E07000136", "E10000019", "E12000004", "E92000001"));
        assertThat(lineages.of("E07000137")).isEmpty();

        clock.now = clock.now.plusSeconds(1);
        assertThat(lineages.of("E07000136")).isEmpty();
    }

    @Test
    void aNewReportReplacesTheOldOne() {
        lineages.remember("E07000136", List.of("E07000136", "E10000019"));
        clock.now = clock.now.plusSeconds(300);
        lineages.remember("E07000136", List.of("E07000136", "E10000020"));

        clock.now = clock.now.plus(AreaLineages.KEPT_FOR);
        assertThat(lineages.of("E07000136")).contains(List.of("E07000136", "E10000020"));
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
