package org.civicgraph.indicators.transfer;

import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Imports and exports of values in both formats, over real HTTP. */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class ValueTransferApiTest {

    private static final String TIDY_HEADER = "indicator,area,period,value,lower95,upper95,lower998,upper998,count,denominator,note,provisional";
    private static final String VALUES = """
            query($id: ID!, $area: ID!) { indicatorValues(indicatorId: $id, areaCode: $area, first: 10) { edges { node {
                value lower95 upper95 count denominator unavailable unavailableReason note provisional period { label type start end } } } } }""";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    GraphQlHttp graphql;
    CsvHttp editor;

    @BeforeEach
    void setUp() {
        graphql = GraphQlHttp.onPort(port);
        editor = CsvHttp.onPort(port).as("boston-bc", "editor");
    }

    @Test
    void aTidyFileIsImportedExportedWithFormulasDefusedAndImportedAgainUnchanged() {
        String id = defineIndicator("test-import", "PERCENTAGE", "HIGHER_IS_GOOD");
        String csv = TIDY_HEADER + "\n"
                + id + ",E07000136,2019,50.5,48.1,52.9,47,54,505,1000,,\n"
                + id + ",E07000136,2020,51,,,,,,,\"=HYPERLINK(\"\"http://example.invalid\"\")\",\n"
                + id + ",E07000137,2020,,,,,,,,Suppressed: fewer than 5 respondents,\n"
                + id + ",E92000001,2020 provisional,49.9,,,,,,,\"Survey, weighted\",\n"
                + id + ",E92000001,2019,48,,,,,,,,true\n";

        CsvHttp.Response imported = editor.importFile("tidy", csv);

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.<Integer>read("$.published")).isEqualTo(5);
        assertThat(imported.<Boolean>read("$.applied")).isTrue();
        assertThat(imported.<Integer>read("$.valuesPerSecond")).isPositive();
        GraphQlHttp.Response boston = graphql.post(VALUES, Map.of("id", id, "area", "E07000136"));
        assertThat(boston.<List<Double>>read("$.data.indicatorValues.edges[*].node.value")).containsExactly(51.0, 50.5);
        assertThat(boston.<Double>read("$.data.indicatorValues.edges[1].node.lower95")).isEqualTo(48.1);
        assertThat(boston.<String>read("$.data.indicatorValues.edges[0].node.note")).isEqualTo("=HYPERLINK(\"http://example.invalid\")");
        GraphQlHttp.Response eastLindsey = graphql.post(VALUES, Map.of("id", id, "area", "E07000137"));
        assertThat(eastLindsey.<String>read("$.data.indicatorValues.edges[0].node.unavailableReason")).isEqualTo("Suppressed: fewer than 5 respondents");

        CsvHttp.Response tidy = CsvHttp.onPort(port).export("tidy", "indicator=" + id);
        assertThat(tidy.status()).isEqualTo(200);
        assertThat(tidy.body().split("\r\n")).containsExactly(
                TIDY_HEADER,
                id + ",E07000136,2019,50.5,48.1,52.9,47,54,505,1000,,",
                id + ",E07000136,2020,51,,,,,,,\"'=HYPERLINK(\"\"http://example.invalid\"\")\",",
                id + ",E07000137,2020,,,,,,,,Suppressed: fewer than 5 respondents,",
                id + ",E92000001,2019,48,,,,,,,,true",
                id + ",E92000001,2020 provisional,49.9,,,,,,,\"Survey, weighted\",");
        CsvHttp.Response again = editor.importFile("tidy", tidy.body());
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.<Integer>read("$.unchanged")).isEqualTo(5);
        assertThat(again.<Integer>read("$.published") + again.<Integer>read("$.revised")).isZero();

        CsvHttp.Response fingertips = CsvHttp.onPort(port).export("fingertips", "indicator=" + id + "&area=E07000136");
        String[] lines = fingertips.body().split("\r\n");
        assertThat(lines[0]).startsWith("Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age");
        assertThat(lines[1]).isEqualTo(id + ",Test percentage " + id + ",E10000019,Lincolnshire,E07000136,Boston,District,,,,,2019,50.5,48.1,52.9,47,54,505,1000,");
        assertThat(lines).hasSize(3);
        CsvHttp.Response fromFingertips = editor.importFile("fingertips", fingertips.body());
        assertThat(fromFingertips.<Integer>read("$.unchanged")).as(fromFingertips.body()).isEqualTo(2);
    }

    @Test
    void everyBadRowIsReportedByRowAndColumnAndNothingIsApplied() {
        String id = defineIndicator("test-import-errors", "PERCENTAGE", "HIGHER_IS_GOOD");
        String csv = """
                indicator,area,period,value,lower95,upper95
                ID,E07000136,2019,50,,
                ID,E07999999,2019,50,,
                ID,E07000136,last year,50,,

                ID,E07000136,2020,12.5.1,,
                ID,E07000136,2021,50,51,52
                ID,E07000136,2019,49,,
                not-an-indicator,E07000138,2019,1,,
                ID,E07000138,2022,,,
                """.replace("ID", id);

        CsvHttp.Response response = editor.importFile("tidy", csv);

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.<Boolean>read("$.applied")).isFalse();
        assertThat(response.<Integer>read("$.errorCount")).isEqualTo(7);
        List<Map<String, Object>> errors = response.read("$.errors");
        assertThat(errors).extracting(e -> e.get("row"), e -> e.get("column")).containsExactly(
                tuple(3, "area"), tuple(4, "period"), tuple(6, "value"), tuple(7, "lower95"), tuple(8, "period"),
                tuple(9, "indicator"), tuple(10, "value"));
        assertThat((String) errors.get(4).get("message")).contains("Row 2 already gives a value");
        assertThat(mongo.exists(Query.query(Criteria.where("indicatorId").is(id)), "series")).isFalse();

        CsvHttp.Response badHeader = editor.importFile("tidy", "indicator,area,period,value,lower_95\n" + id + ",E07000136,2019,1,2\n");
        assertThat(badHeader.status()).isEqualTo(422);
        assertThat(badHeader.<List<Object>>read("$.errors[*].row")).containsExactly(1);
        assertThat(badHeader.<List<String>>read("$.errors[*].column")).containsExactly("lower_95");

        CsvHttp.Response notUtf8 = editor.importBytes("tidy", ("indicator,area,period,value,note\n" + id + ",E07000136,2019,1,Cost in \u00a3\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), false);
        assertThat(notUtf8.status()).as(notUtf8.body()).isEqualTo(422);
        assertThat(notUtf8.<String>read("$.errors[0].message")).contains("not UTF-8");
        assertThat(mongo.exists(Query.query(Criteria.where("indicatorId").is(id)), "series")).isFalse();
    }

    @Test
    void aPreviewSaysWhatAnImportWouldDoAndAppliesNothing() {
        String id = defineIndicator("test-import-preview", "PERCENTAGE", "HIGHER_IS_GOOD");

        CsvHttp.Response preview = editor.importFile("tidy", "indicator,area,period,value\n" + id + ",E07000136,2019,1\n" + id + ",E07000136,2020,2\n", true);

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.<Boolean>read("$.preview")).isTrue();
        assertThat(preview.<Boolean>read("$.applied")).isFalse();
        assertThat(preview.<Integer>read("$.published")).isEqualTo(2);
        assertThat(mongo.exists(Query.query(Criteria.where("indicatorId").is(id)), "series")).isFalse();
    }

    @Test
    void onlyEditorsOfTheIndicatorsOwnerMayImportItsValues() {
        String id = defineIndicator("test-import-owner", "PERCENTAGE", "HIGHER_IS_GOOD");
        String csv = "indicator,area,period,value\n" + id + ",E07000136,2019,1\n";

        CsvHttp.Response stranger = CsvHttp.onPort(port).as("west-lindsey-dc", "editor").importFile("tidy", csv);
        CsvHttp.Response viewer = CsvHttp.onPort(port).as("boston-bc", "viewer").importFile("tidy", csv);
        CsvHttp.Response anonymous = CsvHttp.onPort(port).importFile("tidy", csv);

        assertThat(stranger.status()).as(stranger.body()).isEqualTo(403);
        assertThat(stranger.<List<String>>read("$.forbiddenIndicators")).containsExactly(id);
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(mongo.exists(Query.query(Criteria.where("indicatorId").is(id)), "series")).isFalse();
    }

    @Test
    void aFingertipsDownloadIsReadByItsColumnsSkippingBreakdowns() {
        String number = String.valueOf(90_000 + ThreadLocalRandom.current().nextInt(9_999));
        String id = defineIndicator("fingertips-" + number, "RATE_PER_100000", "LOWER_IS_GOOD");
        String download = "\uFEFF" + """
                Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal
                N,"Under 75 mortality rate from all causes",,,E92000001,England,England,Persons,<75 yrs,,,2018 - 20,336.5,335.6,337.4,334.9,338.1,465840,138443541,,Cannot be calculated,Not compared,Not compared,20180000,,
                N,"Under 75 mortality rate from all causes",E10000019,Lincolnshire,E07000136,"Boston, Lincolnshire",District,Persons,<75 yrs,,,2018 - 20,,,,,,,,"Value suppressed for disclosure control",Cannot be calculated,Not compared,Not compared,20180000,,
                N,"Under 75 mortality rate from all causes",E92000001,England,E10000019,Lincolnshire,County,Persons,<75 yrs,County deprivation deciles,Most deprived decile,2018 - 20,501.2,480.0,523.1,470.2,533.0,900,179571,,,,,20180000,,
                N,"Under 75 mortality rate from all causes",E92000001,England,E10000019,Lincolnshire,County,Persons,<75 yrs,,,2018 - 20,347.9,341.7,354.2,337.5,358.6,12020,3455061,,,Similar,,20180000,,
                """.replace("\nN,", "\n" + number + ",");

        CsvHttp.Response response = editor.importFile("fingertips", download);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.<Integer>read("$.rows")).isEqualTo(4);
        assertThat(response.<Integer>read("$.skipped")).isEqualTo(1);
        assertThat(response.<Integer>read("$.published")).isEqualTo(3);
        GraphQlHttp.Response england = graphql.post(VALUES, Map.of("id", id, "area", "E92000001"));
        Map<String, Object> value = england.read("$.data.indicatorValues.edges[0].node");
        assertThat(value).containsEntry("value", 336.5).containsEntry("lower95", 335.6).containsEntry("count", 465840.0);
        assertThat(england.<String>read("$.data.indicatorValues.edges[0].node.period.type")).isEqualTo("CUSTOM_RANGE");
        assertThat(england.<String>read("$.data.indicatorValues.edges[0].node.period.start")).isEqualTo("2018-01-01");
        GraphQlHttp.Response boston = graphql.post(VALUES, Map.of("id", id, "area", "E07000136"));
        assertThat(boston.<String>read("$.data.indicatorValues.edges[0].node.unavailableReason")).isEqualTo("Value suppressed for disclosure control");
        GraphQlHttp.Response lincolnshire = graphql.post(VALUES, Map.of("id", id, "area", "E10000019"));
        assertThat(lincolnshire.<List<Double>>read("$.data.indicatorValues.edges[*].node.value")).containsExactly(347.9);
    }

    private String defineIndicator(String prefix, String unit, String polarity) {
        String id = prefix.startsWith("fingertips-") ? prefix : prefix + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
        GraphQlHttp.Response response = graphql.as("boston-bc", "editor").post("""
                mutation($input: DefineIndicatorInput!) { defineIndicator(input: $input) { indicator { id } } }""",
                Map.of("input", Map.of("id", id, "name", "Test percentage " + id, "unit", unit, "polarity", polarity,
                        "ownerOrganisation", "boston-bc")));
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        return id;
    }
}
