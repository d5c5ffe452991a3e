package org.civicgraph.contracts.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a contract meets the Procurement Act 2023's performance duties for contracts over £5m: at least three
 * key performance indicators, and a rating on the Act's scale at least every 12 months.
 *
 * @param applies      whether the duties apply: procured under the Act and worth more than £5m
 * @param compliant    null when the duties do not apply
 * @param problems     what falls short, in words
 * @param ratingDueBy  when the next rating is due at the latest; null when none is due or there has been none
 */
public record ProcurementActCompliance(boolean applies, Boolean compliant, String reason, List<String> problems,
                                       LocalDate ratingDueBy) {

    static final BigDecimal THRESHOLD = new BigDecimal("5000000");
    static final int MINIMUM_KPIS = 3;
    static final int MONTHS_BETWEEN_RATINGS = 12;

    /**
     * When the next rating on the Act's scale is due for a contract the duties apply to: 12 months after the latest such
     * rating, or 12 months after the contract started when it has none yet. Null when the duties do not apply, or when
     * the contract has neither a rating nor a known start.
     */
    static LocalDate nextRatingDue(boolean procuredUnderAct, BigDecimal value, List<PerformanceRating> ratings, LocalDate start) {
        if (!procuredUnderAct || value == null || value.compareTo(THRESHOLD) <= 0) {
            return null;
        }
        LocalDate lastRated = ratings == null ? null : ratings.stream()
                .filter(rating -> rating.scale() == RatingScale.PROCUREMENT_ACT_2023 && rating.ratedOn() != null)
                .map(PerformanceRating::ratedOn).max(LocalDate::compareTo).orElse(null);
        LocalDate from = lastRated != null ? lastRated : start;
        return from == null ? null : from.plusMonths(MONTHS_BETWEEN_RATINGS);
    }

    static ProcurementActCompliance of(Contract contract, LocalDate asOf) {
        if (!contract.isProcuredUnderProcurementAct2023()) {
            return new ProcurementActCompliance(false, null, "Not procured under the Procurement Act 2023", List.of(), null);
        }
        if (contract.getValue() == null) {
            return new ProcurementActCompliance(false, null, "Value not known, so whether it exceeds £5m is not known", List.of(), null);
        }
        if (contract.getValue().compareTo(THRESHOLD) <= 0) {
            return new ProcurementActCompliance(false, null, "Worth £5m or less", List.of(), null);
        }
        List<String> problems = new ArrayList<>();
        Integer kpis = contract.getKpiCount();
        if (kpis == null || kpis < MINIMUM_KPIS) {
            problems.add("Has " + (kpis == null ? "an unknown number of" : kpis) + " KPIs; the Act asks for at least "
                    + MINIMUM_KPIS + " on contracts over £5m");
        }
        LocalDate lastRated = contract.getRatings().stream()
                .filter(rating -> rating.scale() == RatingScale.PROCUREMENT_ACT_2023 && rating.ratedOn() != null)
                .map(PerformanceRating::ratedOn).max(LocalDate::compareTo).orElse(null);
        LocalDate dueBy = lastRated == null ? null : lastRated.plusMonths(MONTHS_BETWEEN_RATINGS);
        if (lastRated == null) {
            problems.add("Has no rating on the Procurement Act 2023 scale yet");
        } else if (dueBy.isBefore(asOf)) {
            problems.add("Last rated on " + lastRated + "; the Act asks for a rating at least every "
                    + MONTHS_BETWEEN_RATINGS + " months, so one was due by " + dueBy);
        }
        return new ProcurementActCompliance(true, problems.isEmpty(), "Procured under the Procurement Act 2023 and worth more than £5m",
                List.copyOf(problems), dueBy);
    }
}
