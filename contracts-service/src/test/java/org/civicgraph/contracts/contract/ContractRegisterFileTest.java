package org.civicgraph.contracts.contract;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.TestInfrastructure;
import org.civicgraph.platform.test.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract register as CSV and XLSX files over real HTTP: export and import back, formula escaping, all-or-nothing
 * imports with errors by row and column, previews, and who may import. Shares the demo data with the other tests;
 * it creates and changes only contracts of its own (ids from test-file-, which the demo data tests leave out).
 */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class ContractRegisterFileTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String STRATEGY = "community-resilience-and-assets";

    @LocalServerPort
    int port;

    @Autowired
    Contracts contracts;

    @Test
    void theExportedRegisterImportsBackUnchangedAndNewAndChangedRowsApplyWithTheirEvents() throws Exception {
        HttpResponse<byte[]> csv = get("/contracts/register.csv?owner=lincolnshire-cc");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("contract-register-lincolnshire-cc.csv");
        RegisterFile exported = CsvRegisterFile.read(csv.body());
        assertThat(exported.header()).containsExactlyElementsOf(RegisterColumn.ALL.stream().map(RegisterColumn::header).toList());
        Map<String, String> libraries = row(exported, "library-services");
        assertThat(libraries).containsEntry("provider", "Greenwich Leisure Limited (GLL)").containsEntry("endDate", "2021-03-31")
                .containsEntry("maxExtentDate", "2026-03-31").containsEntry("latestRating", "GOOD").containsEntry("currency", "GBP");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).as("no internal field").doesNotContain("commercialNotes");

        HttpResponse<String> unchanged = importAs("lincolnshire-cc", csv.body(), "register.csv", false);
        assertThat(unchanged.statusCode()).as(unchanged.body()).isEqualTo(200);
        DocumentContext sameReport = JsonPath.parse(unchanged.body());
        assertThat(sameReport.<Boolean>read("$.applied")).isTrue();
        assertThat(sameReport.<List<String>>read("$.created")).isEmpty();
        assertThat(sameReport.<List<Object>>read("$.changed")).isEmpty();
        assertThat(sameReport.<Integer>read("$.unchanged")).isEqualTo(exported.rows().size()).isGreaterThanOrEqualTo(65);

        Map<String, String> added = newRow("test-file-round-trip", "Round trip advocacy", "6000000");
        HttpResponse<String> created = importAs("lincolnshire-cc", csv(List.of(added)), "additions.csv", false);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(JsonPath.parse(created.body()).<List<String>>read("$.created")).containsExactly("test-file-round-trip");
        published("test-file-round-trip", Contract.REGISTERED);
        assertThat(contracts.findById("test-file-round-trip").orElseThrow().getTerm().endDate()).hasToString("2028-03-31");

        byte[] xlsx = get("/contracts/register.xlsx?owner=lincolnshire-cc").body();
        byte[] edited = editWorkbook(xlsx, "test-file-round-trip", Map.of("value", 6500000.0, "kpiCount", 4.0));
        HttpResponse<String> changed = importAs("lincolnshire-cc", edited, "register.xlsx", false);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        DocumentContext changeReport = JsonPath.parse(changed.body());
        assertThat(changeReport.<List<String>>read("$.changed[*].id")).containsExactly("test-file-round-trip");
        assertThat(changeReport.<List<String>>read("$.changed[0].changes[*].column")).containsExactly("value", "kpiCount");
        assertThat(changeReport.<List<String>>read("$.changed[0].changes[*].oldValue")).containsExactly("6000000.00", "2");
        assertThat(changeReport.<List<String>>read("$.changed[0].changes[*].newValue")).containsExactly("6500000.00", "4");
        ConsumerRecord<String, byte[]> amended = published("test-file-round-trip", Contract.AMENDED);
        DocumentContext data = JsonPath.parse(new String(amended.value(), StandardCharsets.UTF_8));
        assertThat(data.<String>read("$.rationale")).startsWith("Imported from the contract register file register.xlsx, row ");
        assertThat(data.<String>read("$.changes.value.new")).isEqualTo("6500000.00");

        Map<String, String> after = row(CsvRegisterFile.read(get("/contracts/register.csv?owner=lincolnshire-cc").body()), "test-file-round-trip");
        assertThat(after).containsEntry("value", "6500000.00").containsEntry("kpiCount", "4").containsEntry("service", "Round trip advocacy");
    }

    @Test
    void cellsThatWouldRunAsFormulasAreEscapedInBothFormatsAndReadBackAsWritten() throws Exception {
        Map<String, String> row = newRow("test-file-formula", "=HYPERLINK(\"http://example.invalid\",\"Click\")", "2000000");
        row.put("provider", "@SUM(1+1)");
        row.put("reviewDate", "+1 year");
        row.put("areas", "");
        assertThat(importAs("lincolnshire-cc", csv(List.of(row)), "formula.csv", false).statusCode()).isEqualTo(200);

        byte[] csv = get("/contracts/register.csv?owner=lincolnshire-cc&strategyId=" + STRATEGY).body();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"Click\"\")\"", ",'@SUM(1+1),", ",'+1 year,");
        assertThat(text.lines()).noneMatch(line -> line.contains(",=") || line.contains(",@") || line.contains(",+"));

        byte[] xlsx = get("/contracts/register.xlsx?owner=lincolnshire-cc&strategyId=" + STRATEGY).body();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> strings = new ArrayList<>();
            for (Row sheetRow : sheet) {
                for (Cell cell : sheetRow) {
                    assertThat(cell.getCellType()).as("cell " + cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                    if (cell.getCellType() == CellType.STRING) {
                        strings.add(cell.getStringCellValue());
                    }
                }
            }
            assertThat(strings).contains("'=HYPERLINK(\"http://example.invalid\",\"Click\")", "'@SUM(1+1)", "'+1 year")
                    .noneMatch(value -> value.startsWith("=") || value.startsWith("@") || value.startsWith("+"));
        }

        DocumentContext backFromCsv = JsonPath.parse(importAs("lincolnshire-cc", csv, "register.csv", true).body());
        DocumentContext backFromXlsx = JsonPath.parse(importAs("lincolnshire-cc", xlsx, "register.xlsx", true).body());
        assertThat(backFromCsv.<List<Object>>read("$.changed")).isEmpty();
        assertThat(backFromCsv.<List<Object>>read("$.errors")).isEmpty();
        assertThat(backFromXlsx.<List<Object>>read("$.changed")).isEmpty();
        assertThat(backFromXlsx.<List<Object>>read("$.errors")).isEmpty();
        Contract stored = contracts.findById("test-file-formula").orElseThrow();
        assertThat(stored.getService()).isEqualTo("=HYPERLINK(\"http://example.invalid\",\"Click\")");
        assertThat(stored.getProvider()).isEqualTo("@SUM(1+1)");
    }

    @Test
    void anImportWithAnyBadRowChangesNothingAndNamesEachRowAndColumn() throws Exception {
        Contract libraries = contracts.findById("library-services").orElseThrow();
        Map<String, String> good = newRow("test-file-good-row", "Good row", "100000");
        Map<String, String> badValue = newRow("test-file-bad-value", "Bad value", "six million");
        Map<String, String> badDate = newRow("test-file-bad-date", "Bad date", "100000");
        badDate.put("startDate", "31/02/2025");
        Map<String, String> noStrategy = newRow("test-file-no-strategy", "No strategy", "100000");
        noStrategy.put("strategyId", "no-such-strategy");
        Map<String, String> otherProvider = new LinkedHashMap<>();
        otherProvider.put("id", "library-services");
        otherProvider.put("provider", "Someone else");
        otherProvider.put("value", "250000");
        Map<String, String> wrongEnd = newRow("test-file-wrong-end", "Wrong end", "100000");
        wrongEnd.put("endDate", "2030-03-31");

        HttpResponse<String> response = importAs("lincolnshire-cc",
                csv(List.of(good, badValue, badDate, noStrategy, otherProvider, wrongEnd, good)), "bad.csv", false);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        DocumentContext report = JsonPath.parse(response.body());
        assertThat(report.<Boolean>read("$.applied")).isFalse();
        List<Map<String, Object>> errors = report.read("$.errors[*]");
        assertThat(errors).extracting(error -> error.get("row") + " " + error.get("column")).containsExactly(
                "3 value", "4 startDate", "5 strategyId", "6 provider", "7 endDate", "8 id");
        assertThat((String) errors.get(0).get("message")).contains("six million");
        assertThat((String) errors.get(3).get("message")).contains("cannot change it");
        assertThat((String) errors.get(5).get("message")).contains("also in row 2");
        assertThat(contracts.findAllById(List.of("test-file-good-row", "test-file-bad-value", "test-file-bad-date", "test-file-no-strategy",
                "test-file-wrong-end"))).isEmpty();
        Contract after = contracts.findById("library-services").orElseThrow();
        assertThat(after.getRevision()).isEqualTo(libraries.getRevision());
        assertThat(after.getValue()).isEqualTo(libraries.getValue());

        HttpResponse<String> unknownColumn = importAs("lincolnshire-cc", "id,colour\r\nfile-x,red\r\n".getBytes(StandardCharsets.UTF_8),
                "odd.csv", true);
        assertThat(unknownColumn.statusCode()).isEqualTo(422);
        assertThat(JsonPath.parse(unknownColumn.body()).<String>read("$.errors[0].column")).isEqualTo("colour");
        assertThat(JsonPath.parse(unknownColumn.body()).<Integer>read("$.errors[0].row")).isEqualTo(1);

        HttpResponse<String> quoteLeftOpen = importAs("lincolnshire-cc",
                "id,service,value\r\ntest-file-open,\"Open, and\r\nnever closed,100\r\n".getBytes(StandardCharsets.UTF_8), "open.csv", false);
        assertThat(quoteLeftOpen.statusCode()).as(quoteLeftOpen.body()).isEqualTo(400);
        assertThat(JsonPath.parse(quoteLeftOpen.body()).<String>read("$.errors[0].column")).isEqualTo("service");
        assertThat(JsonPath.parse(quoteLeftOpen.body()).<Integer>read("$.errors[0].row")).isEqualTo(2);
        HttpResponse<String> latin1 = importAs("lincolnshire-cc",
                "id,service,value\r\ntest-file-latin1,Caf\u00e9,100\r\n".getBytes(StandardCharsets.ISO_8859_1), "latin1.csv", false);
        assertThat(latin1.statusCode()).as(latin1.body()).isEqualTo(400);
        assertThat(JsonPath.parse(latin1.body()).<String>read("$.errors[0].message")).contains("not UTF-8");
        assertThat(contracts.findAllById(List.of("test-file-open", "test-file-latin1"))).isEmpty();
    }

    @Test
    void aPreviewReportsWhatWouldBeCreatedAndChangedAndChangesNothing() throws Exception {
        assertThat(importAs("lincolnshire-cc", csv(List.of(newRow("test-file-preview", "Preview me", "1000000"))), "first.csv", false)
                .statusCode()).isEqualTo(200);
        Contract before = settled("test-file-preview");
        Map<String, String> change = newRow("test-file-preview", "Preview me", "2000000");
        Map<String, String> addition = newRow("test-file-preview-new", "Not yet", "300000");

        HttpResponse<String> preview = importAs("lincolnshire-cc", csv(List.of(change, addition)), "preview.csv", true);

        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        DocumentContext report = JsonPath.parse(preview.body());
        assertThat(report.<Boolean>read("$.preview")).isTrue();
        assertThat(report.<Boolean>read("$.applied")).isFalse();
        assertThat(report.<List<String>>read("$.created")).containsExactly("test-file-preview-new");
        assertThat(report.<List<String>>read("$.changed[0].changes[*].column")).containsExactly("value");
        assertThat(report.<Integer>read("$.changed[0].row")).isEqualTo(2);
        assertThat(contracts.existsById("test-file-preview-new")).isFalse();
        Contract after = contracts.findById("test-file-preview").orElseThrow();
        assertThat(after.getVersion()).isEqualTo(before.getVersion());
        assertThat(after.getValue()).isEqualByComparingTo("1000000");

        GraphQlHttp.Response viaGraphQl = GraphQlHttp.onPort(port).as("lincolnshire-cc", "editor").post("""
                mutation($input: ImportContractRegisterInput!) { importContractRegister(input: $input) {
                  preview applied rows created changed { id changes { column oldValue newValue } } unchanged errors { row column message } } }""",
                Map.of("input", Map.of("csv", new String(csv(List.of(change, addition)), StandardCharsets.UTF_8))));
        assertThat(viaGraphQl.json().<Map<String, Object>>read("$")).as(viaGraphQl.body()).doesNotContainKey("errors");
        assertThat(viaGraphQl.<Boolean>read("$.data.importContractRegister.applied")).isFalse();
        assertThat(viaGraphQl.<List<Object>>read("$.data.importContractRegister.errors")).isEmpty();
        assertThat(viaGraphQl.<List<String>>read("$.data.importContractRegister.created")).containsExactly("test-file-preview-new");
        assertThat(viaGraphQl.<String>read("$.data.importContractRegister.changed[0].changes[0].newValue")).isEqualTo("2000000.00");
        assertThat(contracts.existsById("test-file-preview-new")).isFalse();
        assertThat(GraphQlHttp.onPort(port).post("{ contractRegisterCsv(strategyId: \"" + STRATEGY + "\") }")
                .<String>read("$.data.contractRegisterCsv")).startsWith("\uFEFFid,strategyId,ownerOrganisation,").contains("test-file-preview,");
    }

    @Test
    void onlyEditorsOfTheOwningOrganisationMayImport() throws Exception {
        byte[] file = csv(List.of(newRow("test-file-not-yours", "Not yours", "100000")));

        HttpResponse<String> otherOrganisation = importFile(TestInfrastructure.get().tokenFor("boston-bc", "editor", "admin"), file, false);
        HttpResponse<String> viewer = importFile(TestInfrastructure.get().tokenFor("lincolnshire-cc", "viewer"), file, false);
        HttpResponse<String> anonymous = importFile(null, file, false);
        GraphQlHttp.Response viaGraphQl = GraphQlHttp.onPort(port).as("boston-bc", "editor").post("""
                mutation($input: ImportContractRegisterInput!) { importContractRegister(input: $input) { applied } }""",
                Map.of("input", Map.of("csv", new String(file, StandardCharsets.UTF_8), "preview", false)));

        assertThat(otherOrganisation.statusCode()).as(otherOrganisation.body()).isEqualTo(403);
        assertThat(otherOrganisation.body()).contains("rows [2] of lincolnshire-cc");
        assertThat(viewer.statusCode()).isEqualTo(403);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(viaGraphQl.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(contracts.existsById("test-file-not-yours")).isFalse();
    }

    private static Map<String, String> newRow(String id, String service, String value) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("strategyId", STRATEGY);
        row.put("service", service);
        row.put("provider", "LPFT");
        row.put("providerOrganisationIds", "lincolnshire-partnership-nhs-ft");
        row.put("value", value);
        row.put("term", "Three Years");
        row.put("startDate", "2025-04-01");
        row.put("reviewDate", "Jan 2027");
        row.put("reviewDecides", "EXTENSION");
        row.put("kpis", "yes");
        row.put("kpiCount", "2");
        row.put("areas", "E10000019");
        return row;
    }

    /** CSV with the union of the rows' columns as its header, in the order first seen. */
    private static byte[] csv(List<Map<String, String>> rows) {
        List<String> header = new ArrayList<>();
        rows.forEach(row -> row.keySet().stream().filter(column -> !header.contains(column)).forEach(header::add));
        java.io.StringWriter out = new java.io.StringWriter();
        CsvRegisterFile.writeRecord(out, header);
        rows.forEach(row -> CsvRegisterFile.writeRecord(out, header.stream().map(column -> row.getOrDefault(column, "")).toList()));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> row(RegisterFile file, String id) {
        RegisterFile.Row row = file.rows().stream().filter(candidate -> candidate.cells().get(0).equals(id)).findFirst().orElseThrow();
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < file.header().size(); i++) {
            cells.put(file.header().get(i), row.cells().get(i));
        }
        return cells;
    }

    private static byte[] editWorkbook(byte[] xlsx, String id, Map<String, Double> numbers) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);
            for (Row row : sheet) {
                if (row.getCell(0) != null && id.equals(row.getCell(0).getStringCellValue())) {
                    for (Cell name : header) {
                        if (numbers.containsKey(name.getStringCellValue())) {
                            row.getCell(name.getColumnIndex()).setCellValue(numbers.get(name.getStringCellValue()));
                        }
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> importAs(String organisation, byte[] file, String fileName, boolean preview) throws Exception {
        return importFile(TestInfrastructure.get().tokenFor(organisation, "editor"), file, fileName, preview);
    }

    private HttpResponse<String> importFile(String token, byte[] file, boolean preview) throws Exception {
        return importFile(token, file, "register.csv", preview);
    }

    private HttpResponse<String> importFile(String token, byte[] file, String fileName, boolean preview) throws Exception {
        String boundary = "----register" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/contracts/register/import?preview=" + preview))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ConsumerRecord<String, byte[]> published(String id, String type) {
        try (TopicReader reader = new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), "civicgraph.contracts.v1")) {
            Predicate<ConsumerRecord<String, byte[]>> wanted = record -> id.equals(record.key())
                    && type.equals(TopicReader.header(record, "ce_type"));
            return reader.readUntil(wanted, Duration.ofSeconds(30)).stream().filter(wanted).findFirst().orElseThrow();
        }
    }

    private Contract settled(String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        Contract contract = contracts.findById(id).orElseThrow();
        while (!contract.getPendingEvents().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            contract = contracts.findById(id).orElseThrow();
        }
        assertThat(contract.getPendingEvents()).isEmpty();
        return contract;
    }
}
