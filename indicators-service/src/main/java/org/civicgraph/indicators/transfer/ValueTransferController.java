package org.civicgraph.indicators.transfer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.civicgraph.platform.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Imports and exports indicator values as CSV files, over plain HTTP beside the GraphQL API (a file of a million
 * rows is no GraphQL argument).
 * <ul>
 * <li>{@code POST /indicators/values/import?format=tidy|fingertips[&preview=true]} with the file as the request body
 * ({@code text/csv}, UTF-8): 200 with the report when applied (or, previewed, checked); 422 with the row and column
 * of each error when any row is wrong, and nothing applied; 403 naming the indicators the caller may not publish;
 * 401 without a token.</li>
 * <li>{@code GET /indicators/values/export?format=tidy|fingertips[&indicator=ID...][&area=CODE...]}: the values as
 * a CSV file, public like the values.</li>
 * </ul>
 */
@RestController
@RequestMapping("/indicators/values")
class ValueTransferController {

    private final ValueImporter importer;
    private final ValueExporter exporter;

    ValueTransferController(ValueImporter importer, ValueExporter exporter) {
        this.importer = importer;
        this.exporter = exporter;
    }

    @PostMapping("/import")
    ResponseEntity<ImportReport> importValues(@RequestParam String format, @RequestParam(defaultValue = "false") boolean preview,
                                              HttpServletRequest request) throws IOException {
        ImportReport report = importer.importValues(request.getInputStream(), ValueFormat.of(format), preview);
        HttpStatus status = report.failed() ? HttpStatus.UNPROCESSABLE_CONTENT : report.forbidden() ? HttpStatus.FORBIDDEN : HttpStatus.OK;
        return ResponseEntity.status(status).body(report);
    }

    @GetMapping("/export")
    void export(@RequestParam String format, @RequestParam(required = false) List<String> indicator,
                @RequestParam(required = false) List<String> area, HttpServletResponse response) throws IOException {
        ValueFormat chosen = ValueFormat.of(format);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"indicator-values-" + chosen.key() + ".csv\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
        exporter.export(chosen, indicator == null ? List.of() : indicator, area == null ? List.of() : area, out);
        out.flush();
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, String>> invalid(InvalidInputException e) {
        return ResponseEntity.badRequest().body(Map.of("field", e.field(), "message", e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> denied(AccessDeniedException e) {
        HttpStatus status = Caller.current().isSignedIn() ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED;
        return ResponseEntity.status(status).body(Map.of("message", e.getMessage()));
    }
}
