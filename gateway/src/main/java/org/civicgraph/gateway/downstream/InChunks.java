package org.civicgraph.gateway.downstream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A list sent to a service a chunk at a time, the chunks in parallel, so that each request stays within the
 * service's alias and complexity limits however long the list grows.
 */
public final class InChunks {

    private InChunks() {
    }

    /** The results of every chunk, in the order of the items. */
    public static <T, R> CompletableFuture<List<R>> map(List<T> items, int size, Executor fanOut, Function<List<T>, List<R>> request) {
        List<CompletableFuture<List<R>>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            List<T> chunk = items.subList(from, Math.min(items.size(), from + size));
            chunks.add(CompletableFuture.supplyAsync(() -> request.apply(chunk), fanOut));
        }
        return CompletableFuture.allOf(chunks.toArray(CompletableFuture[]::new))
                .thenApply(done -> chunks.stream().flatMap(chunk -> chunk.join().stream()).toList());
    }
}
