package org.civicgraph.indicators.series;

import java.util.function.Consumer;

/** The checked rows of an import, which can be read more than once (from a file kept for the purpose). */
public interface ValueRows {

    /** The rows of one area, in the file's order. */
    void forEachIn(String areaCode, Consumer<ValueRow> action);

    /** The rows of every area but one, in the file's order. */
    void forEachOutside(String areaCode, Consumer<ValueRow> action);
}
