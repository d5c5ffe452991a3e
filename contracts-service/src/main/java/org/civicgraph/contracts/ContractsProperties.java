package org.civicgraph.contracts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.util.Map;

/**
 * Settings of the contracts service.
 *
 * @param extensionNoticeDays how long before a contract's current period ends the buyer must decide on its next option
 * @param ocidPrefix          the prefix of Open Contracting IDs. {@code ocds-civicgraph-} is a placeholder: a publisher
 *                            registers its own prefix with the Open Contracting Partnership and sets it here
 * @param publicBaseUrl       where this service's OCDS endpoints are published, for package URIs
 * @param areaParents         the area each area lies within (district to county to region to country), by ONS GSS
 *                            code, so that a district's contracts include its county's
 */
@ConfigurationProperties("civicgraph.contracts")
public record ContractsProperties(@DefaultValue("180") int extensionNoticeDays,
                                  @DefaultValue("ocds-civicgraph-") String ocidPrefix,
                                  @DefaultValue("http://127.0.0.1:8082") URI publicBaseUrl,
                                  Map<String, String> areaParents) {

    public ContractsProperties {
        areaParents = areaParents == null ? Map.of() : Map.copyOf(areaParents);
    }
}
