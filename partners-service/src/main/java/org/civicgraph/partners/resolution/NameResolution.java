package org.civicgraph.partners.resolution;

import org.civicgraph.partners.partner.PartnerRef;

import java.util.List;

/** What a written name refers to: {@code resolved} is set only when the status is RESOLVED. */
record NameResolution(String name, ResolutionStatus status, PartnerRef resolved, List<NameCandidate> candidates) {
}
