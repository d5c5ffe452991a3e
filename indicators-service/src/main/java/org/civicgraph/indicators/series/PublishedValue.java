package org.civicgraph.indicators.series;

import org.civicgraph.indicators.period.Period;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A period's value of an indicator in an area as it stands, with the versions it revised, newest first.
 * A value that is unavailable has no figure and says why.
 */
public record PublishedValue(String indicatorId, String areaCode, Period period, Double value, Double lower95, Double upper95,
                             Double lower998, Double upper998, Double count, Double denominator, boolean provisional,
                             String unavailableReason, String note, Instant publishedAt, String publishedBy,
                             List<PublishedValue> revisions) {

    static PublishedValue of(String indicatorId, String areaCode, PeriodValue periodValue) {
        List<PublishedValue> revisions = new ArrayList<>();
        for (Reading reading : periodValue.getEarlier()) {
            revisions.add(0, of(indicatorId, areaCode, periodValue.getPeriod(), reading, List.of()));
        }
        return of(indicatorId, areaCode, periodValue.getPeriod(), periodValue.getCurrent(), revisions);
    }

    private static PublishedValue of(String indicatorId, String areaCode, Period period, Reading reading, List<PublishedValue> revisions) {
        Period asWritten = reading.periodLabel().equals(period.label()) ? period : Period.parse(reading.periodLabel());
        return new PublishedValue(indicatorId, areaCode, asWritten, reading.value(), reading.lower95(), reading.upper95(),
                reading.lower998(), reading.upper998(), reading.count(), reading.denominator(), reading.provisional(),
                reading.unavailableReason(), reading.note(), reading.publishedAt(), reading.publishedBy(), revisions);
    }

    public boolean unavailable() {
        return unavailableReason != null;
    }
}
