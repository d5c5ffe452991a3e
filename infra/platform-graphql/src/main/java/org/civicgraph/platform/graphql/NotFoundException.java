package org.civicgraph.platform.graphql;

/** A record the request names that does not exist; reported as {@code NOT_FOUND}. */
public class NotFoundException extends RuntimeException {

    private final String field;

    public NotFoundException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
