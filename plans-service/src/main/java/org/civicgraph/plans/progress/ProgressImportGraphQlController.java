package org.civicgraph.plans.progress;

import org.civicgraph.platform.graphql.InvalidInputException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A preview of a spreadsheet import over GraphQL: the file as CSV text or as a base64-encoded workbook. */
@Controller
class ProgressImportGraphQlController {

    private final ProgressImport imports;

    ProgressImportGraphQlController(ProgressImport imports) {
        this.imports = imports;
    }

    @QueryMapping
    ProgressImportReport progressImportPreview(@Argument String planId, @Argument String period, @Argument String csv,
                                               @Argument String xlsxBase64, @Argument String fileName) {
        if ((csv == null) == (xlsxBase64 == null)) {
            throw new InvalidInputException("csv", "Give the file either as csv (its text) or as xlsxBase64, not both or neither");
        }
        Upload upload;
        if (csv != null) {
            upload = new Upload(fileName, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        } else {
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(xlsxBase64);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("xlsxBase64", "xlsxBase64 is not base64: " + e.getMessage());
            }
            upload = new Upload(fileName, Upload.XLSX, bytes);
        }
        return imports.run(planId, period, upload, true);
    }
}
