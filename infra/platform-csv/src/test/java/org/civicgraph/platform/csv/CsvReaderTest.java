package org.civicgraph.platform.csv;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTest {

    @Test
    void quotedFieldsMayHoldCommasDoubledQuotesAndLineBreaksAndRowsAreNumberedAsASpreadsheetShowsThem() throws IOException {
        CsvReader reader = new CsvReader(new StringReader("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nlast,,\r\n"));

        List<String> numbered = readAll(reader);

        assertThat(numbered).containsExactly("1:[a, b, c]", "2:[x, y, say \"hi\", two\r\nlines]", "3:[last, , ]");
    }

    @Test
    void aByteOrderMarkIsSkippedAndNotReadIntoTheFirstColumnName() throws IOException {
        CsvReader reader = CsvReader.utf8(new ByteArrayInputStream("\uFEFFName,Amount\n\"£5\",5\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(reader.next()).containsExactly("Name", "Amount");
        assertThat(reader.next()).containsExactly("£5", "5");
        assertThat(reader.next()).isNull();
    }

    @Test
    void aBlankLineIsARecordOfOneEmptyFieldButTheFinalLineBreakStartsNone() throws IOException {
        assertThat(readAll(new CsvReader(new StringReader("a\n\nb\r\rc\n")))).containsExactly("1:[a]", "2:[]", "3:[b]", "4:[]", "5:[c]");
        assertThat(readAll(new CsvReader(new StringReader("a\nb")))).containsExactly("1:[a]", "2:[b]");
        assertThat(new CsvReader(new StringReader("")).next()).isNull();
    }

    @Test
    void semicolonsSeparateWhenAskedAndCommasThenStayInTheField() throws IOException {
        assertThat(readAll(new CsvReader(new StringReader("a;b\n1,5;\"x;y\"\n"), ';'))).containsExactly("1:[a, b]", "2:[1,5, x;y]");
    }

    @Test
    void aQuoteLeftOpenIsReportedAtItsRowAndField() throws IOException {
        CsvReader reader = new CsvReader(new StringReader("a,b,c\n1,2,3\n4,\"open,\nstill open\n"));
        reader.next();
        reader.next();

        assertThatThrownBy(reader::next).isInstanceOfSatisfying(MalformedCsvException.class, e -> {
            assertThat(e.record()).isEqualTo(3);
            assertThat(e.field()).isEqualTo(2);
            assertThat(e.getMessage()).contains("not closed");
        });
    }

    @Test
    void textThatIsNotUtf8IsRefusedRatherThanReadWithReplacementCharacters() throws IOException {
        CsvReader reader = CsvReader.utf8(new ByteArrayInputStream(new byte[]{'a', ',', 'b', '\n', 'c', ',', (byte) 0xE9, '\n'}));

        assertThatThrownBy(reader::next).isInstanceOf(CharacterCodingException.class);
    }

    @Test
    void recordsLongerThanTheReadBufferStreamWhole() throws IOException {
        String longField = "x".repeat(200_000);
        CsvReader reader = new CsvReader(new ChunkedReader("h1,h2\n\"" + longField + "\"\"\",2\n"));

        assertThat(reader.next()).containsExactly("h1", "h2");
        assertThat(reader.next()).containsExactly(longField + "\"", "2");
        assertThat(reader.record()).isEqualTo(2);
    }

    private static List<String> readAll(CsvReader reader) throws IOException {
        List<String> numbered = new ArrayList<>();
        for (List<String> record = reader.next(); record != null; record = reader.next()) {
            numbered.add(reader.record() + ":" + String.join(", ", record).transform(s -> "[" + s + "]"));
        }
        return numbered;
    }

    /** Hands out a few characters per read, as a network stream may, so that quotes and CRLF fall across reads. */
    private static final class ChunkedReader extends Reader {

        private final StringReader text;

        ChunkedReader(String text) {
            this.text = new StringReader(text);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            return text.read(buffer, offset, Math.min(length, 7));
        }

        @Override
        public void close() {
        }
    }
}
