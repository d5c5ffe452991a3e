package org.civicgraph.partners.resolution;

/** How a written name matched one of a partner's names; see {@link NameScore} for what each is worth. */
enum NameMatch {
    NAME, OTHER_NAME, SAME_WORDS, INITIALS, SIMILAR_WORDS
}
