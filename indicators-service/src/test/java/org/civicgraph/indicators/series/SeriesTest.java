package org.civicgraph.indicators.series;

import com.jayway.jsonpath.JsonPath;
import org.civicgraph.indicators.indicator.Polarity;
import org.civicgraph.indicators.period.Period;
import org.civicgraph.indicators.targets.TargetVerdict;
import org.civicgraph.platform.events.PendingEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesTest {

    private static final Instant NOW = Instant.parse("2021-06-01T09:00:00Z");

    @Test
    void publishingRecordsTheValueAndAnEventWithThePeriodAsWrittenAndAsDays() {
        Series pay = Series.start("gross-median-weekly-pay", "E07000136");

        PublishOutcome outcome = pay.publish(Period.parse("2021 provisional"), reading("2021 provisional", 447.1, true), Polarity.HIGHER_IS_GOOD);

        assertThat(outcome).isEqualTo(PublishOutcome.PUBLISHED);
        assertThat(pay.getId()).isEqualTo("gross-median-weekly-pay:E07000136");
        assertThat(pay.latest().orElseThrow().value()).isEqualTo(447.1);
        PendingEvent event = pay.getPendingEvents().get(0);
        assertThat(event.type()).isEqualTo("org.civicgraph.indicators.value.published.v1");
        assertThat(event.subject()).isEqualTo("indicators/gross-median-weekly-pay/areas/E07000136");
        assertThat(JsonPath.<String>read(event.data(), "$.period.label")).isEqualTo("2021 provisional");
        assertThat(JsonPath.<String>read(event.data(), "$.period.type")).isEqualTo("CALENDAR_YEAR");
        assertThat(JsonPath.<String>read(event.data(), "$.period.start")).isEqualTo("2021-01-01");
        assertThat(JsonPath.<Double>read(event.data(), "$.value")).isEqualTo(447.1);
        assertThat(JsonPath.<Boolean>read(event.data(), "$.provisional")).isTrue();
    }

    @Test
    void theFinalFigureForTheSameYearRevisesTheProvisionalOneAndKeepsIt() {
        Series pay = Series.start("gross-median-weekly-pay", "E07000136");
        pay.publish(Period.parse("2021 provisional"), reading("2021 provisional", 447.1, true), Polarity.HIGHER_IS_GOOD);

        PublishOutcome outcome = pay.publish(Period.parse("2021"), reading("2021", 451.0, false), Polarity.HIGHER_IS_GOOD);

        assertThat(outcome).isEqualTo(PublishOutcome.REVISED);
        PublishedValue value = pay.values().get(0);
        assertThat(pay.values()).hasSize(1);
        assertThat(value.period().label()).isEqualTo("2021");
        assertThat(value.value()).isEqualTo(451.0);
        assertThat(value.provisional()).isFalse();
        assertThat(value.revisions()).singleElement().satisfies(before -> {
            assertThat(before.value()).isEqualTo(447.1);
            assertThat(before.period().label()).isEqualTo("2021 provisional");
            assertThat(before.provisional()).isTrue();
        });
        PendingEvent revised = pay.getPendingEvents().get(1);
        assertThat(revised.type()).isEqualTo("org.civicgraph.indicators.value.revised.v1");
        assertThat(JsonPath.<String>read(revised.data(), "$.changes.value.old")).isEqualTo("447.1");
        assertThat(JsonPath.<String>read(revised.data(), "$.changes.value.new")).isEqualTo("451.0");
        assertThat(JsonPath.<String>read(revised.data(), "$.changes.periodLabel.new")).isEqualTo("2021");
        assertThat(JsonPath.<String>read(revised.data(), "$.changedBy")).isEqualTo("test-user@lincolnshire-districts");
    }

    @Test
    void publishingTheSameFiguresAgainChangesAndAnnouncesNothing() {
        Series pay = Series.start("gross-median-weekly-pay", "E07000136");
        pay.publish(Period.parse("2020"), reading("2020", 430.0, false), Polarity.HIGHER_IS_GOOD);

        assertThat(pay.publish(Period.parse("2020"), reading("2020", 430.0, false), Polarity.HIGHER_IS_GOOD)).isEqualTo(PublishOutcome.UNCHANGED);
        assertThat(pay.getPendingEvents()).hasSize(1);
    }

    @Test
    void periodsAreKeptInOrderWhateverOrderTheyArePublishedIn() {
        Series pay = Series.start("gross-median-weekly-pay", "E07000136");
        for (String year : List.of("2020", "2018", "2019")) {
            pay.publish(Period.parse(year), reading(year, 400.0 + Integer.parseInt(year) % 10, false), Polarity.HIGHER_IS_GOOD);
        }

        assertThat(pay.values()).extracting(value -> value.period().label()).containsExactly("2018", "2019", "2020");
        assertThat(pay.latest().orElseThrow().period().label()).isEqualTo("2020");
    }

    @Test
    void aValueThatMissesItsTargetAnnouncesTheMissOnce() {
        Series gld = Series.start("good-level-of-development", "E10000019");
        gld.setTarget(target("2017/18", 72.0, 1), Polarity.HIGHER_IS_GOOD);
        assertThat(gld.targets().get(0).verdict()).isNull();

        gld.publish(Period.parse("2017/18"), reading("2017/18", 70.0, false), Polarity.HIGHER_IS_GOOD);
        gld.publish(Period.parse("2017/18"), reading("2017/18", 70.5, false), Polarity.HIGHER_IS_GOOD);

        assertThat(gld.targets().get(0).verdict()).isEqualTo(TargetVerdict.NOT_ACHIEVED);
        assertThat(gld.targets().get(0).actual().value()).isEqualTo(70.5);
        List<PendingEvent> missed = gld.getPendingEvents().stream()
                .filter(event -> event.type().equals("org.civicgraph.indicators.targets.missed.v1")).toList();
        assertThat(missed).singleElement().satisfies(event -> {
            assertThat(JsonPath.<Double>read(event.data(), "$.target")).isEqualTo(72.0);
            assertThat(JsonPath.<Double>read(event.data(), "$.actual")).isEqualTo(70.0);
            assertThat(JsonPath.<String>read(event.data(), "$.verdict")).isEqualTo("NOT_ACHIEVED");
            assertThat(JsonPath.<String>read(event.data(), "$.period.label")).isEqualTo("2017/18");
        });
    }

    @Test
    void aTargetSetBelowAnExistingValueIsJudgedAtOnceAndAnImprovementOnTheYearBeforeIsImproving() {
        Series gld = Series.start("good-level-of-development", "E10000019");
        gld.publish(Period.parse("2016/17"), reading("2016/17", 68.0, false), Polarity.HIGHER_IS_GOOD);
        gld.publish(Period.parse("2017/18"), reading("2017/18", 70.0, false), Polarity.HIGHER_IS_GOOD);

        gld.setTarget(target("2017/18", 72.0, 1), Polarity.HIGHER_IS_GOOD);

        assertThat(gld.targets().get(0).verdict()).isEqualTo(TargetVerdict.IMPROVING);
        assertThat(gld.getPendingEvents()).extracting(PendingEvent::type).endsWith(
                "org.civicgraph.indicators.targets.set.v1", "org.civicgraph.indicators.targets.missed.v1");
    }

    @Test
    void aReportedVerdictWithoutATargetFigureIsKeptAndNothingIsWorkedOut() {
        Series lookedAfter = Series.start("looked-after-children-rate", "E10000019");
        lookedAfter.publish(Period.parse("2017/18"), reading("2017/18", 45.9, false), Polarity.NO_JUDGEMENT);

        lookedAfter.setTarget(new SeriesTarget(Period.parse("2017/18"), null, 0, TargetVerdict.ACHIEVED, null, NOW, "demo-data"), Polarity.NO_JUDGEMENT);

        Target target = lookedAfter.targets().get(0);
        assertThat(target.reportedVerdict()).isEqualTo(TargetVerdict.ACHIEVED);
        assertThat(target.verdict()).isNull();
        assertThat(target.actual().value()).isEqualTo(45.9);
    }

    private static Reading reading(String label, Double value, boolean provisional) {
        return new Reading(label, value, null, null, null, null, null, null, provisional, null, null, NOW, "test-user@lincolnshire-districts");
    }

    private static SeriesTarget target(String period, Double target, double tolerance) {
        return new SeriesTarget(Period.parse(period), target, tolerance, null, null, NOW, "test-user@lincolnshire-cc");
    }
}
