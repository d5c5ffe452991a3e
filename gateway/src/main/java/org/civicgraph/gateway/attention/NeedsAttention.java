package org.civicgraph.gateway.attention;

import org.civicgraph.gateway.downstream.Service;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What needs attention in a reporting period, for one organisation, one area (ONS GSS code), both or everyone.
 * Several fields of the view come from one service; the view keeps each service's answer so that the service is
 * asked once per request whichever of its fields the client selects.
 */
final class NeedsAttention {

    private final String period;
    private final String organisation;
    private final String area;
    private final Map<Service, CompletableFuture<?>> answers = new ConcurrentHashMap<>();

    NeedsAttention(String period, String organisation, String area) {
        this.period = period;
        this.organisation = organisation;
        this.area = area;
    }

    public String period() {
        return period;
    }

    public String organisation() {
        return organisation;
    }

    public String area() {
        return area;
    }

    /** The service's answer for this view, asked for by the first field that needs it. */
    @SuppressWarnings("unchecked")
    <T> CompletableFuture<T> answerOf(Service service, Supplier<CompletableFuture<T>> ask) {
        return (CompletableFuture<T>) answers.computeIfAbsent(service, unused -> ask.get());
    }
}
