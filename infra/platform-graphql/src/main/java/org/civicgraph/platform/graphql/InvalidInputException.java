package org.civicgraph.platform.graphql;

/** Input that breaks a rule; reported as {@code BAD_USER_INPUT} naming the field at fault, and nothing is changed. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
