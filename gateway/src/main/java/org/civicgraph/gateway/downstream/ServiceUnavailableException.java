package org.civicgraph.gateway.downstream;

/** A service did not answer in time, answered with an error, or its circuit is open. */
public class ServiceUnavailableException extends RuntimeException {

    private final Service service;

    public ServiceUnavailableException(Service service, String message, Throwable cause) {
        super(message, cause);
        this.service = service;
    }

    public Service service() {
        return service;
    }
}
