package org.civicgraph.partners.resolution;

import org.civicgraph.partners.partner.PartnerRef;

import java.util.List;

/** A partner that may be meant, with every name it goes by (its own first) and the areas it serves. */
record Named(PartnerRef partner, List<String> names, List<String> areasServed) {
}
