package org.civicgraph.partners.hsds;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** A page of results as the HSDS 3.0 API returns lists. */
record HsdsPage<T>(
        @JsonProperty("total_items") long totalItems,
        @JsonProperty("total_pages") long totalPages,
        @JsonProperty("page_number") int pageNumber,
        int size,
        @JsonProperty("first_page") boolean firstPage,
        @JsonProperty("last_page") boolean lastPage,
        boolean empty,
        List<T> contents) {
}
