package org.civicgraph.contracts.contract;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Writes the public contract register, one row per key contract in register order (strategy, then its report's order),
 * as CSV or XLSX. Contracts are read as a cursor and written as they come, so the size of the register does not
 * matter to memory. Anyone may read it: it holds public fields only ({@link RegisterColumn}).
 */
@Service
class ContractRegisterExport {

    private final MongoTemplate mongo;

    ContractRegisterExport(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void writeCsv(OutputStream out, String ownerOrganisation, String strategyId) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CsvRegisterFile.writeBom(writer);
        CsvRegisterFile.writeRecord(writer, RegisterColumn.ALL.stream().map(RegisterColumn::header).toList());
        eachContract(ownerOrganisation, strategyId, contract ->
                CsvRegisterFile.writeRecord(writer, RegisterColumn.ALL.stream().map(column -> column.text(contract)).toList()));
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String csv(String ownerOrganisation, String strategyId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeCsv(out, ownerOrganisation, strategyId);
        return out.toString(StandardCharsets.UTF_8);
    }

    void writeXlsx(OutputStream out, String ownerOrganisation, String strategyId) {
        XlsxRegisterFile.write(out, RegisterColumn.ALL, row -> eachContract(ownerOrganisation, strategyId,
                contract -> row.accept(RegisterColumn.ALL.stream().map(column -> column.value(contract)).toList())));
    }

    private void eachContract(String ownerOrganisation, String strategyId, Consumer<Contract> action) {
        Query query = new Query().with(Sort.by("strategyId", "position", "_id")).cursorBatchSize(500);
        if (ownerOrganisation != null && !ownerOrganisation.isBlank()) {
            query.addCriteria(Criteria.where("ownerOrganisation").is(ownerOrganisation.strip()));
        }
        if (strategyId != null && !strategyId.isBlank()) {
            query.addCriteria(Criteria.where("strategyId").is(strategyId.strip()));
        }
        try (Stream<Contract> contracts = mongo.stream(query, Contract.class)) {
            contracts.forEach(action);
        }
    }
}
