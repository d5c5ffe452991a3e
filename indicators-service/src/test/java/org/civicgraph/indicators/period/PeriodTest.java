package org.civicgraph.indicators.period;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PeriodTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2019               | CALENDAR_YEAR  | 2019-01-01 | 2019-12-31 | false
            2021 provisional   | CALENDAR_YEAR  | 2021-01-01 | 2021-12-31 | true
            2021 (Provisional) | CALENDAR_YEAR  | 2021-01-01 | 2021-12-31 | true
            2019/20            | FINANCIAL_YEAR | 2019-04-01 | 2020-03-31 | false
            2019/2020          | FINANCIAL_YEAR | 2019-04-01 | 2020-03-31 | false
            23/24              | FINANCIAL_YEAR | 2023-04-01 | 2024-03-31 | false
            2017/18            | FINANCIAL_YEAR | 2017-04-01 | 2018-03-31 | false
            1999/00            | FINANCIAL_YEAR | 1999-04-01 | 2000-03-31 | false
            May-21             | MONTH          | 2021-05-01 | 2021-05-31 | false
            Feb-20             | MONTH          | 2020-02-01 | 2020-02-29 | false
            September 2021     | MONTH          | 2021-09-01 | 2021-09-30 | false
            04/2020-12/2020    | CUSTOM_RANGE   | 2020-04-01 | 2020-12-31 | false
            04/2020- 12/2020   | CUSTOM_RANGE   | 2020-04-01 | 2020-12-31 | false
            04/2020- 03/2021   | CUSTOM_RANGE   | 2020-04-01 | 2021-03-31 | false
            2018 - 20          | CUSTOM_RANGE   | 2018-01-01 | 2020-12-31 | false
            2016-2018          | CUSTOM_RANGE   | 2016-01-01 | 2018-12-31 | false
            2017/18 - 19/20    | CUSTOM_RANGE   | 2017-04-01 | 2020-03-31 | false
            """)
    void readsEveryWayTheSourcesWriteAPeriodAndKeepsTheLabelAsWritten(String label, PeriodType type, LocalDate start, LocalDate end, boolean provisional) {
        Period period = Period.parse(label);

        assertThat(period.label()).isEqualTo(label);
        assertThat(period.type()).isEqualTo(type);
        assertThat(period.start()).isEqualTo(start);
        assertThat(period.end()).isEqualTo(end);
        assertThat(period.provisional()).isEqualTo(provisional);
    }

    @Test
    void thePeriodIsTheDaysItCoversSoTheSameYearWrittenTwoWaysIsOnePeriod() {
        assertThat(Period.parse("2019/20").key()).isEqualTo(Period.parse("2019/2020").key());
        assertThat(Period.parse("2021 provisional").key()).isEqualTo(Period.parse("2021").key());
        assertThat(Period.parse("2019").key()).isNotEqualTo(Period.parse("2019/20").key());
    }

    @Test
    void periodsAreComparableWhenWrittenTheSameWayAndAsLong() {
        assertThat(Period.parse("2019").isComparableWith(Period.parse("2020 provisional"))).isTrue();
        assertThat(Period.parse("2019/20").isComparableWith(Period.parse("2020/21"))).isTrue();
        assertThat(Period.parse("2019").isComparableWith(Period.parse("2019/20"))).isFalse();
        assertThat(Period.parse("04/2020-12/2020").isComparableWith(Period.parse("04/2020-03/2021"))).isFalse();
        assertThat(Period.parse("May-21").months()).isEqualTo(1);
        assertThat(Period.parse("04/2020-12/2020").months()).isEqualTo(9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "last year", "2019/21", "13/2020-12/2020", "12/2020-04/2020", "Mai-21", "20199", "2019/20/21", "2020 - 18", "2019/20 - 17/18"})
    void refusesWhatIsNotAPeriodSayingHowToWriteOne(String label) {
        assertThatIllegalArgumentException().isThrownBy(() -> Period.parse(label)).withMessageContaining("period");
    }
}
