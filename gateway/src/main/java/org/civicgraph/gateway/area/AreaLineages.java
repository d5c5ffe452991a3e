package org.civicgraph.gateway.area;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The areas each area lies in, as indicators-service last reported them, kept for a few minutes. The hierarchy of
 * ONS areas changes a few times a decade, so a profile may ask partners-service and plans-service for the records of
 * an area's lineage at once, instead of waiting for indicators-service to name it first; every profile still reads
 * the area itself afresh and refreshes this.
 */
@Component
class AreaLineages {

    static final Duration KEPT_FOR = Duration.ofMinutes(10);
    private static final int MOST_AREAS = 2_000;

    private final Clock clock;
    private final Map<String, Known> known = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
            return size() > MOST_AREAS;
        }
    };

    AreaLineages() {
        this(Clock.systemUTC());
    }

    AreaLineages(Clock clock) {
        this.clock = clock;
    }

    /** The area and the areas it lies in, nearest first, if reported within {@link #KEPT_FOR}. */
    synchronized Optional<List<String>> of(String code) {
        Known entry = known.get(code);
        if (entry == null || entry.reportedAt().plus(KEPT_FOR).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(entry.lineage());
    }

    synchronized void remember(String code, List<String> lineage) {
        known.put(code, new Known(List.copyOf(lineage), clock.instant()));
    }

    private record Known(List<String> lineage, Instant reportedAt) {
    }
}
