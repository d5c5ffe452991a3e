package org.civicgraph.platform.cloudevents;

/** The dead-letter topic of a topic: where records that failed every retry are parked for an operator. */
public final class DeadLetterTopics {

    public static final String SUFFIX = ".dlt";

    private DeadLetterTopics() {
    }

    public static String of(String topic) {
        return topic + SUFFIX;
    }
}
