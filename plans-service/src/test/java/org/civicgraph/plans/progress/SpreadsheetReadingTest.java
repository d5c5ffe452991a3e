package org.civicgraph.plans.progress;

import org.civicgraph.platform.graphql.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpreadsheetReadingTest {

    @Test
    void csvRowsAreNumberedAsTheSpreadsheetShowsThemWhateverTheirQuotingOrLineBreaks() {
        Sheet sheet = CsvSheets.read(("\uFEFFActivity ref,Commentary,Status\r\n"
                + "A1,\"Started, on time\",Green\r\n"
                + "\r\n"
                + "A2,\"Two lines:\nthe \"\"second\"\" one\",Amber\r\n"
                + "A3,,Red").getBytes(StandardCharsets.UTF_8));

        assertThat(sheet.header()).containsExactly("Activity ref", "Commentary", "Status");
        assertThat(sheet.rows()).extracting(Sheet.Row::number).containsExactly(2, 4, 5);
        assertThat(sheet.rows().get(0).cells()).containsExactly("A1", "Started, on time", "Green");
        assertThat(sheet.rows().get(1).cell(1)).isEqualTo("Two lines:\nthe \"second\" one");
        assertThat(sheet.rows().get(2).cell(7)).as("beyond the row's last cell").isEmpty();
    }

    @Test
    void csvSavedWithSemicolonsIsReadToo() {
        Sheet sheet = CsvSheets.read("Activity ref;Status\nA1;Green\n".getBytes(StandardCharsets.UTF_8));

        assertThat(sheet.rows().get(0).cells()).containsExactly("A1", "Green");
    }

    @Test
    void aFileThatIsNotUtf8OrLeavesAQuoteOpenIsRefusedAsAFile() {
        assertThatThrownBy(() -> CsvSheets.read(new byte[]{'A', ',', (byte) 0xE9, '\n'}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> CsvSheets.read("Activity ref,Status\nA1,\"Green\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Row 2");
    }

    @Test
    void headersAreFoundWhateverTheirCaseSpacingOrOrderAndTheRestAreListed() {
        ImportColumn.Layout layout = ImportColumn.layout(List.of("Notes", " STATUS ", "activity_ref", "Lever area", "RAG"), "Lever area");

        assertThat(layout.positions()).containsEntry(ImportColumn.STATUS, 1).containsEntry(ImportColumn.ACTIVITY_REF, 2)
                .containsEntry(ImportColumn.THEME, 3);
        assertThat(layout.ignored()).containsExactly("Notes");
        assertThat(layout.problems()).singleElement().asString().contains("both Status");
        assertThat(Sheet.columnLetter(0) + Sheet.columnLetter(25) + Sheet.columnLetter(26) + Sheet.columnLetter(27)).isEqualTo("AZAAAB");
    }
}
