package org.civicgraph.partners.resolution;

import org.civicgraph.partners.partner.PartnerRef;

record NameCandidate(PartnerRef partner, double score, String matchedName, NameMatch match) {
}
