package org.civicgraph.indicators.transfer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    @Test
    void textASpreadsheetWouldRunIsDefusedAndNumbersAreLeftAlone() throws IOException {
        StringWriter out = new StringWriter();
        new CsvWriter(out).text("=SUM(A1:A9)").text("-2+3").text("@cmd").text("plain, with comma").number(-12.5).number(3.0).number(null).endRow();

        assertThat(out.toString()).isEqualTo("'=SUM(A1:A9),'-2+3,'@cmd,\"plain, with comma\",-12.5,3,\r\n");
        assertThat(CsvWriter.unguard("'=SUM(A1:A9)")).isEqualTo("=SUM(A1:A9)");
        assertThat(CsvWriter.unguard("'quoted on purpose")).isEqualTo("'quoted on purpose");
    }

    @Test
    void aRowGivenTwiceIsFoundByItsIndicatorAreaAndPeriod() {
        RowKeys keys = new RowKeys();
        for (int row = 2; row < 200_000; row++) {
            assertThat(keys.addOrFirst("indicator-" + row % 500, "E0" + row / 500, "2019-01-01..2019-12-31", row)).isZero();
        }

        assertThat(keys.addOrFirst("indicator-7", "E0" + 1007 / 500, "2019-01-01..2019-12-31", 200_000)).isEqualTo(1007);
        assertThat(keys.addOrFirst("indicator-7", "E0" + 1007 / 500, "2020-01-01..2020-12-31", 200_001)).isZero();
    }
}
