package org.civicgraph.contracts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
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
 * @param dueEvents           the time-driven events: review due, extension decision due, expiring, rating overdue
 */
@ConfigurationProperties("civicgraph.contracts")
public record ContractsProperties(@DefaultValue("180") int extensionNoticeDays,
                                  @DefaultValue("ocds-civicgraph-") String ocidPrefix,
                                  @DefaultValue("http://127.0.0.1:8082") URI publicBaseUrl,
                                  Map<String, String> areaParents,
                                  @DefaultValue DueEvents dueEvents) {

    public ContractsProperties {
        areaParents = areaParents == null ? Map.of() : Map.copyOf(areaParents);
    }

    /**
     * @param enabled             whether this instance looks for due occasions at all
     * @param interval            the pause between one look and the next
     * @param initialDelay        the pause after start-up before the first look
     * @param lease               how long one look may hold the lease before another instance may take over; longer than
     *                            a look ever takes
     * @param initialLookBackDays on the very first look, with no record of an earlier one, how many days back to announce
     *                            what became due (never the whole history)
     * @param batchSize           how many contracts are read at a time
     */
    public record DueEvents(@DefaultValue("true") boolean enabled,
                            @DefaultValue("15m") Duration interval,
                            @DefaultValue("1m") Duration initialDelay,
                            @DefaultValue("10m") Duration lease,
                            @DefaultValue("7") int initialLookBackDays,
                            @DefaultValue("500") int batchSize) {
    }
}
