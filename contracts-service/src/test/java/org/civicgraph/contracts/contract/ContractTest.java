package org.civicgraph.contracts.contract;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.civicgraph.platform.events.PendingEvent;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of options, ratings and amendments, and the events each change records. */
class ContractTest {

    private static final LocalDate DECIDED = LocalDate.of(2020, 3, 1);

    @Test
    void registeringRecordsTheContractWithItsInterpretedTerm() {
        Contract contract = contract("3 + 1 + 1 years (Sep 2022)", false, null);

        PendingEvent event = contract.getPendingEvents().get(0);
        assertThat(event.type()).isEqualTo("org.civicgraph.contracts.contract.registered.v1");
        assertThat(event.subject()).isEqualTo("contracts/healthy-minds-lincolnshire");
        DocumentContext data = JsonPath.parse(event.data());
        assertThat(data.<String>read("$.provider")).isEqualTo("LPFT");
        assertThat(data.<List<String>>read("$.providerOrganisationIds")).containsExactly("lincolnshire-partnership-nhs-ft");
        assertThat(data.<String>read("$.term.maxExtentDate")).isEqualTo("2022-09-30");
        assertThat(data.<String>read("$.registeredBy")).isEqualTo("jo@lincolnshire-cc");
    }

    @Test
    void exercisingAnOptionExtendsTheCurrentPeriodAndRecordsIt() {
        Contract contract = contract("3 + 1 + 1 years (Sep 2022)", false, null);

        contract.exerciseOption(1, DECIDED, "Performing well", "jo@lincolnshire-cc");

        assertThat(contract.getTerm().endDate()).isEqualTo("2021-09-30");
        assertThat(contract.getTerm().maxExtentDate()).isEqualTo("2022-09-30");
        assertThat(contract.getTerm().extensionOptions().get(0).state()).isEqualTo(OptionState.EXERCISED);
        PendingEvent event = last(contract);
        assertThat(event.type()).isEqualTo("org.civicgraph.contracts.contract.option-exercised.v1");
        DocumentContext data = JsonPath.parse(event.data());
        assertThat(data.<Integer>read("$.option")).isEqualTo(1);
        assertThat(data.<String>read("$.endDate")).isEqualTo("2021-09-30");
    }

    @Test
    void anOptionCannotBeExercisedTwice() {
        Contract contract = contract("3 + 1 + 1 years (Sep 2022)", false, null);
        contract.exerciseOption(1, DECIDED, null, "jo@lincolnshire-cc");

        assertRefused(() -> contract.exerciseOption(1, DECIDED, null, "jo@lincolnshire-cc"), "option", "already exercised");
        assertThat(contract.getPendingEvents()).hasSize(2);
    }

    @Test
    void aDeclinedOptionCannotBeExercisedAndTheLaterOnesLapseWithIt() {
        Contract contract = contract("3 + 1 + 1 years (Sep 2022)", false, null);

        contract.declineOption(1, DECIDED, "Re-tendering instead", "jo@lincolnshire-cc");

        assertThat(contract.getTerm().extensionOptions()).extracting(ExtensionOption::state)
                .containsExactly(OptionState.DECLINED, OptionState.DECLINED);
        assertThat(contract.getTerm().extensionOptions().get(1).note()).isEqualTo("Lapsed: option 1 was declined");
        assertThat(contract.getTerm().endDate()).isEqualTo("2020-09-30");
        assertThat(contract.getTerm().maxExtentDate()).as("nothing left to extend it").isEqualTo("2020-09-30");
        assertThat(JsonPath.parse(last(contract).data()).<List<Integer>>read("$.lapsedOptions")).containsExactly(2);
        assertRefused(() -> contract.exerciseOption(1, DECIDED, null, "jo@lincolnshire-cc"), "option", "declined");
    }

    @Test
    void optionsAreTakenInOrderAndAnUnknownOneIsNamed() {
        Contract contract = contract("3 + 1 + 1 years (Sep 2022)", false, null);

        assertRefused(() -> contract.exerciseOption(2, DECIDED, null, "jo"), "option", "Option 1 must be exercised before option 2");
        assertRefused(() -> contract.exerciseOption(3, DECIDED, null, "jo"), "option", "no option 3");
        assertRefused(() -> contract("Ongoing", false, null).exerciseOption(1, DECIDED, null, "jo"), "option", "no extension options");
        assertThat(contract.getPendingEvents()).hasSize(1);
    }

    @Test
    void aRatingLessThanGoodNeedsCorrectiveMeasures() {
        Contract contract = contract("3 + 1 + 1 years (Sep 2022)", false, null);

        assertRefused(() -> contract.recordRating(rating(RatingScale.LEGACY, Rating.POOR, null)), "correctiveMeasures", "Re-tender");
        contract.recordRating(rating(RatingScale.LEGACY, Rating.POOR, "Re-tender"));

        assertThat(contract.getLatestRating().correctiveMeasures()).isEqualTo("Re-tender");
        assertThat(contract.getPerformance()).isEqualTo("Poor");
        DocumentContext data = JsonPath.parse(last(contract).data());
        assertThat(data.<String>read("$.rating")).isEqualTo("POOR");
        assertThat(data.<Boolean>read("$.correctiveMeasuresGiven")).isTrue();
        assertThat(last(contract).data()).as("corrective measures are internal").doesNotContain("Re-tender");
    }

    @Test
    void aContractIsRatedOnTheScaleThatAppliesToIt() {
        Contract legacy = contract("3 + 1 + 1 years (Sep 2022)", false, null);
        Contract underTheAct = contract("3 + 1 + 1 years (Sep 2022)", true, new BigDecimal("6000000.00"));

        assertThat(legacy.getRatingScale()).isEqualTo(RatingScale.LEGACY);
        assertThat(underTheAct.getRatingScale()).isEqualTo(RatingScale.PROCUREMENT_ACT_2023);
        assertRefused(() -> underTheAct.recordRating(rating(RatingScale.LEGACY, Rating.GOOD, null)), "scale", "PROCUREMENT_ACT_2023");
        assertRefused(() -> underTheAct.recordRating(rating(RatingScale.PROCUREMENT_ACT_2023, Rating.AVERAGE, "x")), "rating", "not on");
        underTheAct.recordRating(rating(RatingScale.PROCUREMENT_ACT_2023, Rating.REQUIRES_IMPROVEMENT, "Improvement plan agreed"));
        assertThat(underTheAct.getPerformance()).isEqualTo("Requires improvement");
    }

    @Test
    void contractsOverFiveMillionUnderTheActNeedThreeKpisAndARatingEveryTwelveMonths() {
        Contract contract = contract("3 + 1 + 1 years (Sep 2022)", true, new BigDecimal("6000000.00"));
        LocalDate asOf = LocalDate.of(2026, 6, 1);

        ProcurementActCompliance unrated = ProcurementActCompliance.of(contract, asOf);
        contract.recordRating(new PerformanceRating(RatingScale.PROCUREMENT_ACT_2023, Rating.GOOD, LocalDate.of(2025, 3, 1), null, null, "jo"));
        ProcurementActCompliance overdue = ProcurementActCompliance.of(contract, asOf);

        assertThat(unrated.applies()).isTrue();
        assertThat(unrated.compliant()).isFalse();
        assertThat(unrated.problems()).anyMatch(problem -> problem.contains("KPIs")).anyMatch(problem -> problem.contains("no rating"));
        assertThat(overdue.ratingDueBy()).isEqualTo("2026-03-01");
        assertThat(overdue.problems()).anyMatch(problem -> problem.contains("due by 2026-03-01"));
        assertThat(ProcurementActCompliance.of(contract("Ongoing", false, new BigDecimal("9000000.00")), asOf).applies()).isFalse();
        assertThat(ProcurementActCompliance.of(contract("Ongoing", true, new BigDecimal("5000000.00")), asOf).applies())
                .as("over £5m, not £5m itself").isFalse();
    }

    @Test
    void anAmendmentIsKeptWithItsRationaleAndTheOldAndNewValues() {
        Contract contract = contract("3 + 1 + 1 years (Sep 2022)", false, null);

        boolean changed = contract.amend(changes(new BigDecimal("1250000.00"), null, LocalDate.of(2020, 12, 31)),
                DECIDED, "Covid-19 recovery: three months added", "jo@lincolnshire-cc");

        assertThat(changed).isTrue();
        ContractAmendment amendment = contract.getAmendments().get(0);
        assertThat(amendment.id()).isEqualTo("1");
        assertThat(amendment.rationale()).isEqualTo("Covid-19 recovery: three months added");
        assertThat(amendment.changes()).extracting(ContractAmendment.AmendedField::field).containsExactly("value", "endDate");
        assertThat(amendment.changes().get(1).oldValue()).isEqualTo("2020-09-30");
        assertThat(contract.getTerm().endDate()).isEqualTo("2020-12-31");
        DocumentContext data = JsonPath.parse(last(contract).data());
        assertThat(last(contract).type()).isEqualTo("org.civicgraph.contracts.contract.amended.v1");
        assertThat(data.<Map<String, Object>>read("$.changes")).containsOnlyKeys("value", "endDate");
        assertThat(data.<String>read("$.rationale")).startsWith("Covid-19");
    }

    @Test
    void decliningAnOptionKeepsAnAmendedEndDate() {
        Contract contract = contract("3 + 1 + 1 years (Sep 2022)", false, null);
        contract.amend(changes(null, null, LocalDate.of(2020, 12, 31)), DECIDED, "Covid-19 recovery: three months added", "jo");

        contract.declineOption(1, DECIDED, "Re-tendering instead", "jo@lincolnshire-cc");

        assertThat(contract.getTerm().endDate()).as("the amendment stands").isEqualTo("2020-12-31");
        assertThat(contract.getTerm().maxExtentDate()).isEqualTo("2020-12-31");
        DocumentContext data = JsonPath.parse(last(contract).data());
        assertThat(data.<String>read("$.endDate")).isEqualTo("2020-12-31");
    }

    @Test
    void anOptionExercisedAfterAnAmendmentRunsOnFromTheAmendedEnd() {
        Contract contract = contract("3 + 1 + 1 years (Sep 2022)", false, null);
        contract.amend(changes(null, null, LocalDate.of(2020, 12, 31)), DECIDED, "Covid-19 recovery: three months added", "jo");
        assertThat(contract.getTerm().extensionOptions().get(0).startDate()).as("the options follow the amended end").isEqualTo("2021-01-01");

        contract.exerciseOption(1, DECIDED, "Performing well", "jo@lincolnshire-cc");

        assertThat(contract.getTerm().extensionOptions().get(0).startDate()).isEqualTo("2021-01-01");
        assertThat(contract.getTerm().endDate()).as("a year on from the amended end, not from the base end").isEqualTo("2021-12-31");
        assertThat(contract.getTerm().extensionOptions().get(1).startDate()).isEqualTo("2022-01-01");
        assertThat(contract.getTerm().maxExtentDate()).isEqualTo("2022-12-31");

        contract.exerciseOption(2, DECIDED, null, "jo@lincolnshire-cc");

        assertThat(contract.getTerm().endDate()).isEqualTo("2022-12-31");
        assertThat(contract.getTerm().maxExtentDate()).isEqualTo("2022-12-31");
    }

    @Test
    void anAmendmentThatWouldEndTheContractBeforeItStartsChangesNothing() {
        Contract contract = contract("3 + 1 + 1 years (Sep 2022)", false, null);

        assertRefused(() -> contract.amend(changes(new BigDecimal("1.00"), null, LocalDate.of(2017, 1, 1)), DECIDED, "Typo", "jo"),
                "endDate", "before it starts");
        assertThat(contract.getValue()).isNull();
        assertThat(contract.getAmendments()).isEmpty();
        assertThat(contract.getPendingEvents()).hasSize(1);
    }

    static Contract contract(String term, boolean underTheAct, BigDecimal value) {
        return Contract.register(new ContractDraft("healthy-minds-lincolnshire", "children-are-safe-and-healthy", "lincolnshire-cc", 1,
                "Healthy Minds Lincolnshire", "LPFT", List.of("lincolnshire-partnership-nhs-ft"), ProviderResolution.RESOLVED, value,
                TermInterpreter.interpret(term), ReviewInterpreter.interpret("Jan 2019", null), true, null, null, List.of(),
                new PaymentTerms(PaymentTiming.ARREARS, PaymentFrequency.QUARTERLY, "Arrears (quarterly)"), true, false, null,
                "Price review due", List.of("E10000019"), underTheAct), "jo@lincolnshire-cc");
    }

    private static PerformanceRating rating(RatingScale scale, Rating rating, String correctiveMeasures) {
        return new PerformanceRating(scale, rating, LocalDate.of(2019, 1, 31), null, correctiveMeasures, "jo@lincolnshire-cc");
    }

    private static ContractChanges changes(BigDecimal value, LocalDate start, LocalDate end) {
        return new ContractChanges(null, value, start, end, null, null, null, null, null, null, null, null);
    }

    private static PendingEvent last(Contract contract) {
        return contract.getPendingEvents().get(contract.getPendingEvents().size() - 1);
    }

    private static void assertRefused(Executable change, String field, String message) {
        assertThatThrownBy(change::execute)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
    }
}
