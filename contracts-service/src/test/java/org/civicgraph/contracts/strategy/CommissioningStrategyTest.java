package org.civicgraph.contracts.strategy;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.civicgraph.platform.events.PendingEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommissioningStrategyTest {

    private static final LocalDate SEPTEMBER_2017 = LocalDate.of(2017, 9, 30);

    @Test
    void registeringAStrategyRecordsThatItWasRegistered() {
        CommissioningStrategy strategy = strategy(CommissionerStatus.GREEN);

        assertThat(strategy.getPendingEvents()).extracting(PendingEvent::type).containsExactly(CommissioningStrategy.REGISTERED);
        assertThat(strategy.getPendingEvents().get(0).subject()).isEqualTo("strategies/readiness-for-school");
    }

    @Test
    void aStatusReportRecordsTheOldAndNewValuesOfWhatChanged() {
        CommissioningStrategy strategy = strategy(CommissionerStatus.GREEN);

        boolean changed = strategy.reportStatus(CommissionerStatus.RED, "Provider has served notice", "jo@lincolnshire-cc", SEPTEMBER_2017);

        assertThat(changed).isTrue();
        PendingEvent event = strategy.getPendingEvents().get(1);
        assertThat(event.type()).isEqualTo("org.civicgraph.contracts.strategy.status-reported.v1");
        assertThat(event.subject()).isEqualTo("strategies/readiness-for-school");
        DocumentContext data = JsonPath.parse(event.data());
        assertThat(data.<String>read("$.id")).isEqualTo("readiness-for-school");
        assertThat(data.<String>read("$.changedBy")).isEqualTo("jo@lincolnshire-cc");
        assertThat(data.<Map<String, Object>>read("$.changes")).containsOnlyKeys("commissionerStatus", "commissionerComment");
        assertThat(data.<String>read("$.changes.commissionerStatus.old")).isEqualTo("GREEN");
        assertThat(data.<String>read("$.changes.commissionerStatus.new")).isEqualTo("RED");
        assertThat(data.<Object>read("$.changes.commissionerComment.old")).isNull();
        assertThat(data.<String>read("$.changes.commissionerComment.new")).isEqualTo("Provider has served notice");
    }

    @Test
    void reportingWhatIsAlreadyRecordedChangesNothing() {
        CommissioningStrategy strategy = strategy(CommissionerStatus.GREEN);

        assertThat(strategy.reportStatus(CommissionerStatus.GREEN, null, "jo@lincolnshire-cc", SEPTEMBER_2017)).isFalse();
        assertThat(strategy.getPendingEvents()).hasSize(1);
    }

    @Test
    void aMergedContributorIsFollowedToTheSurvivorOnceAndTheOwnerStays() {
        PooledBudget camhs = new PooledBudget("CAMHS", null, "2016/17", new BigDecimal("7200000"), false, "lincolnshire-cc",
                List.of(new PooledBudget.Contribution("Lincolnshire CCGs", "test-duplicate", new BigDecimal("6350000")),
                        new PooledBudget.Contribution("Lincolnshire County Council", "lincolnshire-cc", null)), true);
        CommissioningStrategy strategy = CommissioningStrategy.register(new StrategyRegistration("readiness-for-school", "test-duplicate",
                "Readiness for School", null, null, null, CommissioningStage.DO, null, CommissionerStatus.GREEN, null, null,
                SEPTEMBER_2017, null, null, List.of(), null, List.of(camhs), null, null, null));

        assertThat(strategy.followMerge("test-duplicate", "test-survivor", "partner-directory", Map.of("event", "e-1"))).isTrue();
        assertThat(strategy.followMerge("test-duplicate", "test-survivor", "partner-directory", Map.of("event", "e-1"))).isFalse();

        assertThat(strategy.getPooledBudgets().get(0).contributions()).extracting(PooledBudget.Contribution::organisationId)
                .containsExactly("test-survivor", "lincolnshire-cc");
        assertThat(strategy.getPooledBudgets().get(0).contributions().get(0).contributor()).isEqualTo("Lincolnshire CCGs");
        assertThat(strategy.getOwnerOrganisation()).as("a merge never moves who may change it").isEqualTo("test-duplicate");
        assertThat(strategy.getPendingEvents()).hasSize(2);
        PendingEvent event = strategy.getPendingEvents().get(1);
        assertThat(event.type()).isEqualTo("org.civicgraph.contracts.strategy.pooled-budget-organisations-changed.v1");
        DocumentContext data = JsonPath.parse(event.data());
        assertThat(data.<Map<String, Object>>read("$.changes")).containsOnlyKeys("pooledBudgets[CAMHS].contributions[Lincolnshire CCGs].organisationId");
        assertThat(data.<String>read("$.because.event")).isEqualTo("e-1");
    }

    private static CommissioningStrategy strategy(CommissionerStatus status) {
        return CommissioningStrategy.register(new StrategyRegistration("readiness-for-school", "lincolnshire-cc",
                "Readiness for School", "Debbie Barnes", "Sally Savage", "Kevin Johnson", CommissioningStage.DO,
                "Commissioning Strategy completed.", status, null, "Jo Kavanagh (Assistant Director)", SEPTEMBER_2017,
                "Best possible start in life", null, List.of("Children are ready for school"),
                new MeasuresSummary(2, 2, null, 1, 1, null), List.of(), null, null, null));
    }
}
