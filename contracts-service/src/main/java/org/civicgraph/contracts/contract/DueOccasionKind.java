package org.civicgraph.contracts.contract;

/** The moments in a contract's life that are announced on the topic when their day comes, each with its event type. */
enum DueOccasionKind {
    /** The review named in the contract's review date is due. */
    REVIEW_DUE("org.civicgraph.contracts.contract.review-due.v1"),
    /** The notice period before the current period ends has begun and the next extension option must be decided. */
    EXTENSION_DECISION_DUE("org.civicgraph.contracts.contract.extension-decision-due.v1"),
    /** The notice period before the current period ends has begun and no option is left: re-procure, renew or let it end. */
    EXPIRING("org.civicgraph.contracts.contract.expiring.v1"),
    /** A Procurement Act 2023 contract over £5m has gone 12 months without a rating on the Act's scale. */
    RATING_OVERDUE("org.civicgraph.contracts.contract.rating-overdue.v1");

    private final String eventType;

    DueOccasionKind(String eventType) {
        this.eventType = eventType;
    }

    String eventType() {
        return eventType;
    }
}
