package org.civicgraph.platform.cloudevents;

/** A record that lacks a required CloudEvents attribute; retrying it cannot help, so it goes to the dead-letter topic. */
public class NotACloudEventException extends RuntimeException {

    public NotACloudEventException(String message) {
        super(message);
    }
}
