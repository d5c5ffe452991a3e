package org.civicgraph.plans.due;

import java.time.LocalDate;

/**
 * One kind of time-driven occasion the {@link DueEventRunner} looks for, such as milestones that became overdue. The
 * feature that owns the records implements it and announces each occasion through the outbox of the record it is
 * about, in the same single-document write as the note that it was announced, so that it is announced once.
 */
public interface DueOccasions {

    /** Names the kind, stably: the runner notes how far each kind was looked at under this name. */
    String kind();

    /**
     * Announces every occasion of the kind whose day falls from {@code from} to {@code through}, both included, that
     * was not announced already.
     *
     * @param through the day of the look (today), also the day each event says it was announced on
     */
    Outcome announce(LocalDate from, LocalDate through);

    /**
     * @param announced how many occasions this look announced
     * @param complete  false when some could not be announced for now (their record kept changing meanwhile), so that
     *                  the next look covers these days again
     */
    record Outcome(int announced, boolean complete) {
    }
}
