package org.civicgraph.indicators.series;

import java.util.function.Consumer;
import java.util.function.Predicate;

/** The checked rows of an import, which can be read more than once (from a file kept for the purpose). */
public interface ValueRows {

    /** Reads every row again in order, passing on those whose area code passes the test. */
    void forEach(Predicate<String> area, Consumer<ValueRow> action);
}
