package org.civicgraph.indicators.series;

import org.civicgraph.indicators.period.Period;
import org.civicgraph.indicators.targets.TargetVerdict;

import java.time.Instant;

/**
 * A target for one period of a series, with the verdict last reached for it. A report may state a verdict without
 * the target figure (seed 002: "Looked after children 45.9 per 10,000, achieved"); that verdict is kept as reported.
 */
class SeriesTarget {

    private Period period;
    private Double target;
    private double tolerance;
    private TargetVerdict reportedVerdict;
    private String note;
    private TargetVerdict verdict;
    private Instant setAt;
    private String setBy;

    SeriesTarget() {
    }

    SeriesTarget(Period period, Double target, double tolerance, TargetVerdict reportedVerdict, String note, Instant setAt, String setBy) {
        this.period = period;
        this.target = target;
        this.tolerance = tolerance;
        this.reportedVerdict = reportedVerdict;
        this.note = note;
        this.setAt = setAt;
        this.setBy = setBy;
    }

    /** Keeps the verdict just reached; returns the one before. */
    TargetVerdict judge(TargetVerdict newVerdict) {
        TargetVerdict before = verdict;
        verdict = newVerdict;
        return before;
    }

    Period getPeriod() {
        return period;
    }

    Double getTarget() {
        return target;
    }

    double getTolerance() {
        return tolerance;
    }

    TargetVerdict getReportedVerdict() {
        return reportedVerdict;
    }

    String getNote() {
        return note;
    }

    TargetVerdict getVerdict() {
        return verdict;
    }

    Instant getSetAt() {
        return setAt;
    }

    String getSetBy() {
        return setBy;
    }
}
