package org.civicgraph.gateway.attention;

/** What needs attention in a reporting period, for one organisation or for everyone. */
record NeedsAttention(String period, String organisation) {
}
