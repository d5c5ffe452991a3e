package org.civicgraph.plans.progress;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civicgraph.plans.PlansApi;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicgraph.plans.PlansApi.report;
import static org.civicgraph.plans.PlansApi.token;
import static org.civicgraph.plans.PlansApi.value;
import static org.civicgraph.plans.PlansApi.with;

/**
 * Quarterly updates from a spreadsheet, over real HTTP. Each test has a plan of its own with activities A1 (one
 * milestone, m1 due 2024-06-30), A2, A3 and A4 on the Northshire scale (Red behind plan).
 */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class ProgressImportApiTest {

    private static final String OWNER = "east-lindsey-dc";
    private static final String Q1 = "2024/25 Q1";
    private static final String HISTORY = """
            query($id: ID!) { activityById(id: $id) { milestones { id revisedDueDate }
              history(first: 10) { edges { node { id revision status commentary explanation correctionReason importedFrom { row fileName } } } } } }""";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    PlansApi api;

    @BeforeEach
    void setUp() {
        api = new PlansApi(port);
    }

    @Test
    void aCsvFileIsPreviewedWithoutChangingAnythingThenAppliedAsNewUpdatesAndCorrectionsWithTheirEvents() {
        String plan = newPlan(false);
        String a1 = plan + "/A1";
        String a2 = plan + "/A2";
        api.submitOk(OWNER, report(a2, Q1, "Green"));
        api.submitOk(OWNER, with(report(plan + "/A3", Q1, "Amber"), "commentary", "Consultation running"));
        byte[] csv = csv("""
                Activity ref,Status,Commentary,Explanation,Revised milestone dates,Notes for officers
                A1,green,"Started, on time",,30/09/2024,ignore me
                A2,Red,,"Contractor went into administration",,
                A3,Amber,Consultation running ,,,
                A4,,,,,nothing to report yet
                """);

        GraphQlHttp.Response preview = api.importFile(plan, "Q1 (April-June 2024)", true, "text/csv", csv, token(OWNER, "editor"));
        GraphQlHttp.Response viaGraphQl = api.as(OWNER, "editor").post("""
                query($plan: ID!, $csv: String!) { progressImportPreview(planId: $plan, period: "2024/25 Q1", csv: $csv) {
                  valid applied counts { newUpdates corrections unchanged skipped } rows { row change } } }""",
                Map.of("plan", plan, "csv", new String(csv, StandardCharsets.UTF_8)));

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.<Boolean>read("$.valid")).isTrue();
        assertThat(preview.<Boolean>read("$.applied")).isFalse();
        assertThat(preview.<String>read("$.period")).isEqualTo(Q1);
        assertThat(preview.<List<Integer>>read("$.rows[*].row")).containsExactly(2, 3, 4, 5);
        assertThat(preview.<List<String>>read("$.rows[*].change")).containsExactly("NEW", "CORRECTION", "UNCHANGED", "SKIPPED");
        assertThat(preview.<List<String>>read("$.rows[1].changedFields")).containsExactly("status", "explanation");
        assertThat(preview.<String>read("$.rows[1].previousStatus")).isEqualTo("Green");
        assertThat(preview.<String>read("$.rows[0].status")).as("as the scale writes it").isEqualTo("Green");
        assertThat(preview.<String>read("$.rows[1].updateId")).isEqualTo(PlansApi.updateId(a2, "2024-25-Q1", 2));
        assertThat(preview.<List<String>>read("$.ignoredColumns")).containsExactly("Notes for officers");
        assertThat(viaGraphQl.<Map<String, Object>>read("$.data.progressImportPreview.counts"))
                .isEqualTo(Map.of("newUpdates", 1, "corrections", 1, "unchanged", 1, "skipped", 1));
        assertThat(history(a1).<List<Object>>read("$.data.activityById.history.edges")).as("a preview stores nothing").isEmpty();
        assertThat(history(a1).<String>read("$.data.activityById.milestones[0].revisedDueDate")).isNull();
        assertThat(history(a2).<List<Integer>>read("$.data.activityById.history.edges[*].node.revision")).containsExactly(1);

        GraphQlHttp.Response applied = api.importFile(plan, Q1, false, "text/csv", csv, token(OWNER, "editor"));

        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.<Boolean>read("$.applied")).isTrue();
        GraphQlHttp.Response first = history(a1);
        assertThat(first.<String>read("$.data.activityById.history.edges[0].node.id")).isEqualTo(PlansApi.updateId(a1, "2024-25-Q1", 1));
        assertThat(first.<String>read("$.data.activityById.history.edges[0].node.commentary")).isEqualTo("Started, on time");
        assertThat(first.<Integer>read("$.data.activityById.history.edges[0].node.importedFrom.row")).isEqualTo(2);
        assertThat(first.<String>read("$.data.activityById.history.edges[0].node.importedFrom.fileName")).isEqualTo("q1-return.csv");
        assertThat(first.<String>read("$.data.activityById.milestones[0].revisedDueDate")).as("the one milestone, moved").isEqualTo("2024-09-30");
        GraphQlHttp.Response second = history(a2);
        assertThat(second.<List<String>>read("$.data.activityById.history.edges[*].node.status")).containsExactly("Red", "Green");
        assertThat(second.<String>read("$.data.activityById.history.edges[0].node.correctionReason"))
                .isEqualTo("Corrected by spreadsheet import: q1-return.csv, row 3");
        assertThat(history(plan + "/A3").<List<Integer>>read("$.data.activityById.history.edges[*].node.revision")).as("unchanged").containsExactly(1);
        try (TopicReader reader = PlansApi.topic()) {
            ConsumerRecord<String, byte[]> reported = PlansApi.awaitUpdate(reader, ProgressUpdate.REPORTED, PlansApi.updateId(a1, "2024-25-Q1", 1)).get(0);
            ConsumerRecord<String, byte[]> corrected = PlansApi.awaitUpdate(reader, ProgressUpdate.CORRECTED, PlansApi.updateId(a2, "2024-25-Q1", 2)).get(0);
            assertThat(reported.key()).isEqualTo(a1);
            assertThat(JsonPath.<Integer>read(value(reported), "$.importedFrom.row")).isEqualTo(2);
            assertThat(corrected.key()).isEqualTo(a2);
            assertThat(JsonPath.<String>read(value(corrected), "$.previousStatus")).isEqualTo("Green");
        }
    }

    @Test
    void anXlsxWorkbookIsReadAsTheOfficerSeesItFromAMultipartUpload() throws IOException {
        String plan = newPlan(false);
        byte[] workbook = workbook(new Object[][]{
                {"Status", "ACTIVITY REF", "Explanation", "Revised milestone dates", "Commentary"},
                {"Red", "A1", "Planning refused", LocalDate.of(2024, 12, 31), null},
                {"amber", "A2", null, null, "Slight slippage"}});

        GraphQlHttp.Response applied = api.uploadFile(plan, "2024-Q1", false, "q1.xlsx", PlansApi.XLSX, workbook, token(OWNER, "admin"));

        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.<String>read("$.format")).isEqualTo("XLSX");
        assertThat(applied.<List<String>>read("$.rows[*].change")).containsExactly("NEW", "NEW");
        GraphQlHttp.Response a1 = history(plan + "/A1");
        assertThat(a1.<String>read("$.data.activityById.history.edges[0].node.status")).isEqualTo("Red");
        assertThat(a1.<String>read("$.data.activityById.history.edges[0].node.explanation")).isEqualTo("Planning refused");
        assertThat(a1.<String>read("$.data.activityById.milestones[0].revisedDueDate")).as("a date cell").isEqualTo("2024-12-31");
        assertThat(history(plan + "/A2").<String>read("$.data.activityById.history.edges[0].node.commentary")).isEqualTo("Slight slippage");
    }

    @Test
    void aFileWithAnyErrorIsRefusedWholeNamingTheRowAndColumnOfEach() throws IOException {
        String plan = newPlan(false);
        byte[] csv = csv("""
                Activity ref,Status,Commentary,Explanation,Revised milestone dates
                A1,Green,Fine,,
                A99,Green,,,
                A2,Purple,,,
                A3,Red,Late,,
                A1,Amber,,,
                A4,Green,,,m1=2024-09-30
                A1-typo,,,,
                """);

        GraphQlHttp.Response refused = api.importFile(plan, Q1, false, "text/csv", csv, token(OWNER, "editor"));
        GraphQlHttp.Response badDate = api.uploadFile(plan, Q1, false, "q1.xlsx", PlansApi.XLSX, workbook(new Object[][]{
                {"Activity ref", "Status", "Revised milestone dates"}, {"A1", "Green", "m1=31/02/2024"}}), token(OWNER, "editor"));
        GraphQlHttp.Response noStatusColumn = api.importFile(plan, Q1, false, "text/csv", csv("Activity ref,RAG rating\nA1,Green\n"), token(OWNER, "editor"));
        GraphQlHttp.Response outsideThePlan = api.importFile(plan, "2020/21 Q4", true, "text/csv", csv, token(OWNER, "editor"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.<Boolean>read("$.applied")).isFalse();
        assertThat(refused.<List<Integer>>read("$.errors[*].row")).containsExactly(3, 4, 5, 6, 7);
        assertThat(refused.<List<String>>read("$.errors[*].column")).containsExactly("A", "B", "D", "A", "E");
        assertThat(refused.<List<String>>read("$.errors[*].header"))
                .containsExactly("Activity ref", "Status", "Explanation", "Activity ref", "Revised milestone dates");
        List<String> messages = refused.read("$.errors[*].message");
        assertThat(messages.get(0)).contains("has no activity A99");
        assertThat(messages.get(1)).contains("'Purple' is not on the RAG scale").contains("Green, Amber, Red, Blue");
        assertThat(messages.get(2)).contains("Red means Behind plan");
        assertThat(messages.get(3)).contains("row 2");
        assertThat(messages.get(4)).contains("A4 has no milestone m1");
        assertThat(badDate.status()).isEqualTo(422);
        assertThat(badDate.<List<Object>>read("$.errors[*]['row','column']")).containsExactly(Map.of("row", 2, "column", "C"));
        assertThat(badDate.<String>read("$.errors[0].message")).contains("'31/02/2024' (for m1) is not a date");
        assertThat(noStatusColumn.status()).isEqualTo(422);
        assertThat(noStatusColumn.<List<Object>>read("$.errors[*]['row','header']")).containsExactly(Map.of("row", 1, "header", "Status"));
        assertThat(noStatusColumn.<List<String>>read("$.ignoredColumns")).containsExactly("RAG rating");
        assertThat(outsideThePlan.status()).isEqualTo(400);
        assertThat(outsideThePlan.<String>read("$.field")).isEqualTo("period");
        assertThat(mongo.exists(Query.query(Criteria.where("planId").is(plan)), ProgressUpdate.class)).as("nothing of any file").isFalse();
    }

    @Test
    void onlyThoseWhoMayReportMayImport() throws IOException {
        String closed = newPlan(false);
        String open = newPlan(true);
        byte[] csv = csv("Activity ref,Status\nA1,Green\nA2,Green\n");

        GraphQlHttp.Response anonymous = api.importFile(closed, Q1, true, "text/csv", csv, null);
        GraphQlHttp.Response otherOrganisation = api.importFile(closed, Q1, true, "text/csv", csv, token("boston-bc", "editor", "admin"));
        GraphQlHttp.Response ownersViewer = api.importFile(closed, Q1, true, "text/csv", csv, token(OWNER, "viewer"));
        GraphQlHttp.Response partnerOnAClosedPlan = api.importFile(closed, Q1, true, "text/csv", csv, token("lincolnshire-cc", "editor"));
        GraphQlHttp.Response partnerOnAnOpenPlan = api.importFile(open, Q1, false, "text/csv", csv, token("lincolnshire-cc", "editor"));
        GraphQlHttp.Response partnerOwnRowOnly = api.importFile(open, Q1, false, "text/csv", csv("Activity ref,Status\nA1,Green\n"),
                token("lincolnshire-cc", "editor"));
        GraphQlHttp.Response unknownPlan = api.importFile("no-such-plan", Q1, true, "text/csv", csv, token(OWNER, "editor"));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.<String>read("$.code")).isEqualTo("UNAUTHENTICATED");
        assertThat(otherOrganisation.status()).isEqualTo(403);
        assertThat(otherOrganisation.<String>read("$.code")).isEqualTo("FORBIDDEN");
        assertThat(ownersViewer.status()).isEqualTo(403);
        assertThat(partnerOnAClosedPlan.status()).isEqualTo(403);
        assertThat(partnerOnAnOpenPlan.status()).as("A2 does not name the partner").isEqualTo(422);
        assertThat(partnerOnAnOpenPlan.<List<Object>>read("$.errors[*]['row','column']")).containsExactly(Map.of("row", 3, "column", "A"));
        assertThat(partnerOwnRowOnly.status()).as(partnerOwnRowOnly.body()).isEqualTo(200);
        assertThat(history(open + "/A1").<String>read("$.data.activityById.history.edges[0].node.id")).endsWith("/v1");
        assertThat(unknownPlan.status()).isEqualTo(404);
        assertThat(mongo.exists(Query.query(Criteria.where("planId").is(closed)), ProgressUpdate.class)).isFalse();
    }

    @Test
    void aReferenceThatRepeatsAcrossThemesIsResolvedByAThemeOrQualifierColumn() throws IOException {
        Map<String, Object> input = with(api.newPlan(OWNER, false), "referenceScope", "THEME", "themeLabel", "Lever area");
        String plan = api.createPlan(input);
        api.createActivity(OWNER, plan, "1.1", "people-1");
        api.createActivity(OWNER, plan, "1.1", "place-1");

        GraphQlHttp.Response ambiguous = api.importFile(plan, Q1, true, "text/csv", csv("Activity ref,Status\n1.1,Green\n"), token(OWNER, "editor"));
        GraphQlHttp.Response byLeverArea = api.importFile(plan, Q1, true, "text/csv",
                csv("Activity ref,Lever area,Status\n1.1,Place,Green\n1.1,people,Amber\n1.1,Nowhere,Red\n"), token(OWNER, "editor"));
        GraphQlHttp.Response byQualifier = api.importFile(plan, Q1, false, "text/csv",
                csv("Qualifier,Activity ref,Status\nplace,1.1,Green\n"), token(OWNER, "editor"));

        assertThat(ambiguous.<List<Object>>read("$.errors[*]['row','column']")).containsExactly(Map.of("row", 2, "column", "A"));
        assertThat(ambiguous.<String>read("$.errors[0].message")).contains("2 activities 1.1").contains("Theme column");
        assertThat(byLeverArea.<List<String>>read("$.rows[*].activityId")).containsExactly(plan + "/place/1.1", plan + "/people/1.1");
        assertThat(byLeverArea.<List<Object>>read("$.errors[*]['row','column']")).containsExactly(Map.of("row", 4, "column", "B"));
        assertThat(byQualifier.status()).as(byQualifier.body()).isEqualTo(200);
        assertThat(history(plan + "/place/1.1").<String>read("$.data.activityById.history.edges[0].node.status")).isEqualTo("Green");
    }

    /** A plan of OWNER with A1 (milestone m1, partner lincolnshire-cc), A2, A3 and A4. */
    private String newPlan(boolean partnersMayReport) {
        String plan = api.createPlan(OWNER, partnersMayReport);
        api.createActivity(OWNER, with(PlansApi.activity(plan, "A1", "people-1"), "partnerOrganisations", List.of("lincolnshire-cc"),
                "milestones", List.of(Map.of("text", "Site found", "dueDate", "2024-06-30"))));
        api.createActivity(OWNER, plan, "A2", "people-1");
        api.createActivity(OWNER, plan, "A3", "people-2");
        api.createActivity(OWNER, plan, "A4", "place-1");
        return plan;
    }

    private GraphQlHttp.Response history(String activityId) {
        return api.as(OWNER, "viewer").post(HISTORY, Map.of("id", activityId));
    }

    private static byte[] csv(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A workbook of one sheet, "Updates", with the rows given; dates as date cells. */
    private static byte[] workbook(Object[][] rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Updates");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd mmm yyyy"));
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object value = rows[r][c];
                    if (value instanceof LocalDate day) {
                        row.createCell(c).setCellValue(day);
                        row.getCell(c).setCellStyle(date);
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
