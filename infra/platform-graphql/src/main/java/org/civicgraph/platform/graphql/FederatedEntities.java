package org.civicgraph.platform.graphql;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Federation's {@code _entities} wants one result per representation, in the order asked, null where there is none. */
public final class FederatedEntities {

    private FederatedEntities() {
    }

    public static <T> List<T> inRequestedOrder(List<String> requestedIds, Collection<T> found, Function<T, String> idOf) {
        Map<String, T> byId = new HashMap<>();
        found.forEach(entity -> byId.put(idOf.apply(entity), entity));
        return requestedIds.stream().map(byId::get).toList();
    }
}
