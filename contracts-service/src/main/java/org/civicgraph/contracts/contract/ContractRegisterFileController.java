package org.civicgraph.contracts.contract;

import org.civicgraph.platform.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The contract register as files, as the Local Government Transparency Code publishes contracts:
 * <ul>
 *     <li>{@code GET /contracts/register.csv?owner=lincolnshire-cc} and {@code GET /contracts/register.xlsx?owner=...}
 *         (optionally {@code &strategyId=...}): anyone may download the public register</li>
 *     <li>{@code POST /contracts/register/import?preview=true|false} with the file as the multipart part {@code file}
 *         (CSV or XLSX): editors and admins of the owning organisation import it all or nothing. A preview (the default)
 *         changes nothing. The answer is the {@link RegisterImportReport}: 200 when every row is good, 422 with the
 *         errors by row and column when any is not, 400 when the file cannot be read, 401 or 403 when the caller may
 *         not import it.</li>
 * </ul>
 */
@RestController
class ContractRegisterFileController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ContractRegisterExport export;
    private final ContractRegisterImport importer;

    ContractRegisterFileController(ContractRegisterExport export, ContractRegisterImport importer) {
        this.export = export;
        this.importer = importer;
    }

    @GetMapping("/contracts/register.csv")
    ResponseEntity<StreamingResponseBody> csv(@RequestParam(required = false) String owner, @RequestParam(required = false) String strategyId) {
        return download(CSV, fileName(owner, "csv"), out -> export.writeCsv(out, owner, strategyId));
    }

    @GetMapping("/contracts/register.xlsx")
    ResponseEntity<StreamingResponseBody> xlsx(@RequestParam(required = false) String owner, @RequestParam(required = false) String strategyId) {
        return download(MediaType.parseMediaType(XlsxRegisterFile.CONTENT_TYPE), fileName(owner, "xlsx"),
                out -> export.writeXlsx(out, owner, strategyId));
    }

    @PostMapping(path = "/contracts/register/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<RegisterImportReport> importFile(@RequestParam("file") MultipartFile file,
                                                    @RequestParam(defaultValue = "true") boolean preview) throws IOException {
        if (!Caller.current().isSignedIn()) {
            throw new AccessDeniedException("Sign in as an editor of the owning organisation to import its contract register");
        }
        byte[] bytes = file.getBytes();
        RegisterFile register;
        try {
            register = isXlsx(file.getOriginalFilename(), bytes) ? XlsxRegisterFile.read(bytes) : CsvRegisterFile.read(bytes);
        } catch (RegisterFile.UnreadableException e) {
            return ResponseEntity.badRequest().body(RegisterImportReport.failed(preview, 0,
                    List.of(new RegisterImportReport.RowError(e.row(), e.column(), e.getMessage()))));
        }
        RegisterImportReport report = importer.importFile(register, preview, file.getOriginalFilename());
        return ResponseEntity.status(report.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
    }

    /** Anonymous callers are told to sign in (401); signed-in callers without the right are refused (403). */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> denied(AccessDeniedException e) {
        boolean signedIn = Caller.current().isSignedIn();
        return ResponseEntity.status(signedIn ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED)
                .body(Map.of("code", signedIn ? "FORBIDDEN" : "UNAUTHENTICATED", "message", e.getMessage()));
    }

    static boolean isXlsx(String fileName, byte[] bytes) {
        boolean zip = bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        return zip || fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    private static String fileName(String owner, String extension) {
        String who = owner == null || owner.isBlank() ? "all" : owner.strip().replaceAll("[^a-z0-9-]", "");
        return "contract-register-" + who + "." + extension;
    }

    private static ResponseEntity<StreamingResponseBody> download(MediaType type, String fileName, StreamingResponseBody body) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }
}
