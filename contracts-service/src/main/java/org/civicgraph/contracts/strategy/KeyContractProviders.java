package org.civicgraph.contracts.strategy;

import java.util.Set;

/** Answers, from the key contracts, which strategies rely on a provider; the contract feature implements it. */
public interface KeyContractProviders {

    /** Ids of the strategies with a key contract whose provider, as written, contains the text in any case. */
    Set<String> strategiesWithProviderNameContaining(String text);
}
