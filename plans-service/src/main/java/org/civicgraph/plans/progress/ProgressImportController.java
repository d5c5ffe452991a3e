package org.civicgraph.plans.progress;

import jakarta.servlet.http.HttpServletRequest;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.civicgraph.platform.graphql.NotFoundException;
import org.civicgraph.platform.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /plans/{planId}/updates/import?period=2021/22 Q2&preview=true|false}: a quarter's progress updates from
 * a spreadsheet, as a multipart upload (part {@code file}) or as the request body with its content type
 * ({@code text/csv}, or {@code application/vnd.openxmlformats-officedocument.spreadsheetml.sheet} for XLSX; the name
 * may be given as {@code fileName}). A preview (the default) changes nothing. Answers 200 with the report; 422 with
 * the report when a file that is applied has errors, and nothing is applied; 400, 401, 403, 404 or 409 with
 * {@code {code, message, field}} as the GraphQL API would.
 */
@RestController
@RequestMapping("/plans/{planId}/updates/import")
class ProgressImportController {

    private final ProgressImport imports;

    ProgressImportController(ProgressImport imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ProgressImportReport> upload(@PathVariable String planId, @RequestParam String period,
                                                @RequestParam(defaultValue = "true") boolean preview,
                                                @RequestParam("file") MultipartFile file) throws IOException {
        Upload upload = new Upload(file.getOriginalFilename(), file.getContentType(), read(file.getInputStream()));
        return answer(imports.run(planId, period, upload, preview));
    }

    @PostMapping(consumes = {"text/csv", "application/csv", "text/plain", Upload.XLSX, Upload.XLS, MediaType.APPLICATION_OCTET_STREAM_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ProgressImportReport> body(@PathVariable String planId, @RequestParam String period,
                                              @RequestParam(defaultValue = "true") boolean preview,
                                              @RequestParam(required = false) String fileName,
                                              @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                              HttpServletRequest request) throws IOException {
        Upload upload = new Upload(fileName, contentType, read(request.getInputStream()));
        return answer(imports.run(planId, period, upload, preview));
    }

    private static ResponseEntity<ProgressImportReport> answer(ProgressImportReport report) {
        HttpStatus status = report.preview() || report.valid() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT;
        return ResponseEntity.status(status).body(report);
    }

    /** The bytes, up to one more than the limit, so that a larger file is refused without being read whole. */
    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readNBytes(Upload.MAX_BYTES + 1);
        }
    }

    /** The same codes and fields as the GraphQL API gives, as JSON. */
    @RestControllerAdvice(assignableTypes = ProgressImportController.class)
    static class Errors {

        @ExceptionHandler
        ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
            return error(HttpStatus.BAD_REQUEST, "BAD_USER_INPUT", e.getMessage(), e.field());
        }

        @ExceptionHandler
        ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
            return error(HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage(), e.field());
        }

        @ExceptionHandler
        ResponseEntity<Map<String, Object>> conflict(ImportConflictException e) {
            return error(HttpStatus.CONFLICT, "CONFLICT", e.getMessage(), null);
        }

        @ExceptionHandler
        ResponseEntity<Map<String, Object>> denied(AccessDeniedException e) {
            if (!Caller.current().isSignedIn()) {
                ResponseEntity<Map<String, Object>> response = error(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", e.getMessage(), null);
                return ResponseEntity.status(response.getStatusCode()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").body(response.getBody());
            }
            return error(HttpStatus.FORBIDDEN, "FORBIDDEN", e.getMessage(), null);
        }

        private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String message, String field) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", code);
            body.put("message", message);
            if (field != null) {
                body.put("field", field);
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
        }
    }
}
