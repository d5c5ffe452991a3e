package org.civicgraph.partners;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param platformOrganisation the organisation whose admins administer the whole directory: they register
 *                             organisations and may change any of them
 */
@ConfigurationProperties("civicgraph.partners")
public record PartnersProperties(@DefaultValue("civicgraph") String platformOrganisation) {
}
