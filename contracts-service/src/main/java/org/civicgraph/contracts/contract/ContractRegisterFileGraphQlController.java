package org.civicgraph.contracts.contract;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The contract register as CSV text through GraphQL, for clients of the gateway that do not upload files. */
@Controller
class ContractRegisterFileGraphQlController {

    private final ContractRegisterExport export;
    private final ContractRegisterImport importer;

    ContractRegisterFileGraphQlController(ContractRegisterExport export, ContractRegisterImport importer) {
        this.export = export;
        this.importer = importer;
    }

    @QueryMapping
    String contractRegisterCsv(@Argument String ownerOrganisation, @Argument String strategyId) {
        return export.csv(ownerOrganisation, strategyId);
    }

    @MutationMapping
    RegisterImportReport importContractRegister(@Argument ImportInput input) {
        boolean preview = input.preview() == null || input.preview();
        RegisterFile file;
        try {
            file = CsvRegisterFile.read(input.csv() == null ? new byte[0] : input.csv().getBytes(StandardCharsets.UTF_8));
        } catch (RegisterFile.UnreadableException e) {
            return RegisterImportReport.failed(preview, 0, List.of(new RegisterImportReport.RowError(e.row(), e.column(), e.getMessage())));
        }
        return importer.importFile(file, preview, input.fileName());
    }

    record ImportInput(String csv, Boolean preview, String fileName) {
    }
}
