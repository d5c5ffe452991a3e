package org.civicgraph.contracts.strategy;

import java.math.BigDecimal;
import java.util.List;

/**
 * A pooled budget or co-commissioning arrangement a strategy relies on, such as the CAMHS fund of £7.2m in 2016/17.
 *
 * @param total                in pounds sterling, when the report gives it
 * @param totalApproximate     the report gives the total as approximate ("c. £0.5m")
 * @param heldBy               slug of the organisation that holds the fund, when the report says
 * @param contributorsComplete false when the report lists only some contributors ("... etc.")
 */
public record PooledBudget(String name, String description, String year, BigDecimal total, boolean totalApproximate,
                           String heldBy, List<Contribution> contributions, boolean contributorsComplete) {

    public PooledBudget {
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
    }

    /** What the listed contributions leave of the total; null when the total or any amount is unknown. */
    public BigDecimal unattributed() {
        if (total == null || contributions.stream().anyMatch(contribution -> contribution.amount() == null)) {
            return null;
        }
        return contributions.stream().map(Contribution::amount).reduce(total, BigDecimal::subtract);
    }

    /**
     * One contributor's share, by the name the report uses and the organisation's slug where it is known.
     *
     * @param amount in pounds sterling, when the report gives it
     */
    public record Contribution(String contributor, String organisationId, BigDecimal amount) {
    }
}
