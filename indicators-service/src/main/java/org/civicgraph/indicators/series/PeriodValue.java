package org.civicgraph.indicators.series;

import org.civicgraph.indicators.period.Period;

import java.util.ArrayList;
import java.util.List;

/** A period's value in a series: the latest reading, and the readings it replaced, oldest first. */
class PeriodValue {

    private Period period;
    private Reading current;
    private List<Reading> earlier = new ArrayList<>();

    PeriodValue() {
    }

    PeriodValue(Period period, Reading current) {
        this.period = period;
        this.current = current;
    }

    /** Keeps the current reading as history and makes the new one current. */
    void revise(Period newPeriod, Reading reading) {
        earlier.add(current);
        period = newPeriod;
        current = reading;
    }

    Period getPeriod() {
        return period;
    }

    Reading getCurrent() {
        return current;
    }

    List<Reading> getEarlier() {
        return earlier;
    }
}
