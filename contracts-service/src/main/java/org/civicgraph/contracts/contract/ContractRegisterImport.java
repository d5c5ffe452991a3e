package org.civicgraph.contracts.contract;

import org.civicgraph.contracts.contract.RegisterImportReport.ChangedContract;
import org.civicgraph.contracts.contract.RegisterImportReport.ColumnChange;
import org.civicgraph.contracts.contract.RegisterImportReport.RowError;
import org.civicgraph.contracts.strategy.CommissioningStrategy;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.civicgraph.platform.graphql.NotFoundException;
import org.civicgraph.platform.security.Caller;
import org.civicgraph.platform.security.RecordAccess;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.civicgraph.contracts.contract.RegisterColumn.AREAS;
import static org.civicgraph.contracts.contract.RegisterColumn.CURRENCY;
import static org.civicgraph.contracts.contract.RegisterColumn.END_DATE;
import static org.civicgraph.contracts.contract.RegisterColumn.ID;
import static org.civicgraph.contracts.contract.RegisterColumn.KPIS;
import static org.civicgraph.contracts.contract.RegisterColumn.KPI_COUNT;
import static org.civicgraph.contracts.contract.RegisterColumn.LATEST_RATED_ON;
import static org.civicgraph.contracts.contract.RegisterColumn.LATEST_RATING;
import static org.civicgraph.contracts.contract.RegisterColumn.MAX_EXTENT_DATE;
import static org.civicgraph.contracts.contract.RegisterColumn.OWNER_ORGANISATION;
import static org.civicgraph.contracts.contract.RegisterColumn.PROCURED_UNDER_PROCUREMENT_ACT_2023;
import static org.civicgraph.contracts.contract.RegisterColumn.PROVIDER;
import static org.civicgraph.contracts.contract.RegisterColumn.PROVIDER_ORGANISATION_IDS;
import static org.civicgraph.contracts.contract.RegisterColumn.PROVIDER_RESOLUTION;
import static org.civicgraph.contracts.contract.RegisterColumn.RATING_SCALE;
import static org.civicgraph.contracts.contract.RegisterColumn.REVIEW_DATE;
import static org.civicgraph.contracts.contract.RegisterColumn.REVIEW_DECIDES;
import static org.civicgraph.contracts.contract.RegisterColumn.SERVICE;
import static org.civicgraph.contracts.contract.RegisterColumn.START_DATE;
import static org.civicgraph.contracts.contract.RegisterColumn.STRATEGY_ID;
import static org.civicgraph.contracts.contract.RegisterColumn.TERM;
import static org.civicgraph.contracts.contract.RegisterColumn.VALUE;

/**
 * Imports a contract register file all or nothing. Every row is first checked with the same rules as the GraphQL
 * mutations, on copies in memory: a row with an unknown id registers a contract, a row with a known id amends it
 * (kept as an amendment with the import as its rationale) or records its new latest rating. Only when no row has an
 * error are the changes made, one by one through {@link ContractRegister}, so each publishes its events as usual.
 * A preview stops after the check and reports what would be created and changed.
 * <p>
 * Only editors and admins of every organisation whose contracts the file touches may import it. The stores this
 * runs on have no multi-document transactions: what makes the import all or nothing is that the check covers every
 * rule a change can break, and that each contract to change is confirmed unchanged since the check just before the
 * first change is made. A failure of the database itself part-way would leave the rows before it applied.
 */
@Service
class ContractRegisterImport {

    static final int MAX_ROWS = 10_000;
    private static final String NOT_CLEARED = "an import does not clear values; amend the contract instead";

    private final ContractRegister register;
    private final Contracts contracts;
    private final MongoTemplate mongo;

    ContractRegisterImport(ContractRegister register, Contracts contracts, MongoTemplate mongo) {
        this.register = register;
        this.contracts = contracts;
        this.mongo = mongo;
    }

    /**
     * @param source the file's name, kept in the rationale of the amendments the import makes; may be null
     */
    RegisterImportReport importFile(RegisterFile file, boolean preview, String source) {
        Caller caller = RecordAccess.requireSignedIn();
        List<RegisterFile.Row> rows = file.rows().stream().filter(row -> !row.isBlank()).toList();
        List<RowError> errors = new ArrayList<>();
        Map<RegisterColumn, Integer> columns = columns(file.header(), errors);
        if (rows.size() > MAX_ROWS) {
            errors.add(new RowError(null, null, "The file has " + rows.size() + " rows; import at most " + MAX_ROWS + " at a time"));
        }
        if (!errors.isEmpty()) {
            return RegisterImportReport.failed(preview, rows.size(), errors);
        }
        List<Cells> parsed = rows.stream().map(row -> cells(row, columns, errors)).toList();
        Map<String, Contract> existing = contracts.findAllById(parsed.stream().map(Cells::id).filter(id -> !id.isEmpty())
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(Contract::getId, Function.identity()));
        Map<String, CommissioningStrategy> strategies = strategies(parsed, existing);
        requireEditorOfEveryOwner(caller, parsed, existing, strategies);

        Map<String, Integer> firstRowOfId = new HashMap<>();
        List<Plan> plans = new ArrayList<>();
        for (Cells row : parsed) {
            if (row.hasErrors()) {
                continue;
            }
            Integer earlier = firstRowOfId.putIfAbsent(row.id(), row.number());
            if (earlier != null) {
                errors.add(new RowError(row.number(), ID.header(), "Contract " + row.id() + " is also in row " + earlier
                        + "; each contract may appear once"));
                continue;
            }
            try {
                plans.add(existing.containsKey(row.id())
                        ? change(row, existing.get(row.id()), caller, source)
                        : create(row, strategies, caller));
            } catch (InvalidInputException e) {
                errors.add(new RowError(row.number(), RegisterColumn.columnOfField(e.field()), e.getMessage()));
            } catch (NotFoundException e) {
                errors.add(new RowError(row.number(), RegisterColumn.columnOfField(e.field()), e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort((a, b) -> Integer.compare(a.row() == null ? 0 : a.row(), b.row() == null ? 0 : b.row()));
            return RegisterImportReport.failed(preview, rows.size(), errors);
        }
        if (!preview) {
            List<RowError> conflicts = changedSinceChecked(plans);
            if (!conflicts.isEmpty()) {
                return RegisterImportReport.failed(false, rows.size(), conflicts);
            }
            plans.forEach(this::apply);
        }
        return report(preview, rows.size(), plans);
    }

    private static Map<RegisterColumn, Integer> columns(List<String> header, List<RowError> errors) {
        Map<RegisterColumn, Integer> columns = new EnumMap<>(RegisterColumn.class);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isBlank()) {
                errors.add(new RowError(1, null, "Column " + (i + 1) + " has no name; the first row must name every column"));
                continue;
            }
            RegisterColumn column = RegisterColumn.byHeader(name).orElse(null);
            if (column == null) {
                errors.add(new RowError(1, name, "Unknown column '" + name + "'; the register's columns are "
                        + RegisterColumn.ALL.stream().map(RegisterColumn::header).toList()));
            } else if (columns.putIfAbsent(column, i) != null) {
                errors.add(new RowError(1, name, "Column " + name + " appears twice"));
            }
        }
        if (!columns.containsKey(ID)) {
            errors.add(new RowError(1, ID.header(), "The file has no id column; each row must say which contract it is"));
        }
        return columns;
    }

    /** The row's cells in the register's form, each unreadable one noted as an error naming its column. */
    private static Cells cells(RegisterFile.Row row, Map<RegisterColumn, Integer> columns, List<RowError> errors) {
        Map<RegisterColumn, String> values = new EnumMap<>(RegisterColumn.class);
        boolean failed = false;
        for (Map.Entry<RegisterColumn, Integer> column : columns.entrySet()) {
            String cell = column.getValue() < row.cells().size() ? row.cells().get(column.getValue()) : "";
            try {
                values.put(column.getKey(), column.getKey().canonical(cell));
            } catch (InvalidInputException e) {
                errors.add(new RowError(row.number(), column.getKey().header(), e.getMessage()));
                failed = true;
            }
        }
        if (values.getOrDefault(ID, "").isEmpty() && !failed) {
            errors.add(new RowError(row.number(), ID.header(), "id must not be blank: it names the contract the row is about"));
            failed = true;
        }
        return new Cells(row.number(), values, failed);
    }

    private Map<String, CommissioningStrategy> strategies(List<Cells> rows, Map<String, Contract> existing) {
        Set<String> ids = rows.stream().filter(row -> !existing.containsKey(row.id()))
                .map(row -> row.get(STRATEGY_ID)).filter(id -> id != null && !id.isEmpty()).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mongo.find(new Query(Criteria.where("_id").in(ids)), CommissioningStrategy.class).stream()
                .collect(Collectors.toMap(CommissioningStrategy::getId, Function.identity()));
    }

    /** Refuses the whole file, before saying anything about its rows, if it touches another organisation's contracts. */
    private static void requireEditorOfEveryOwner(Caller caller, List<Cells> rows, Map<String, Contract> existing,
                                                  Map<String, CommissioningStrategy> strategies) {
        Map<String, Set<Integer>> refused = new TreeMap<>();
        for (Cells row : rows) {
            Contract contract = existing.get(row.id());
            CommissioningStrategy strategy = contract == null ? strategies.get(row.get(STRATEGY_ID)) : null;
            String owner = contract != null ? contract.getOwnerOrganisation() : strategy == null ? null : strategy.getOwnerOrganisation();
            if (owner != null && !RecordAccess.canEdit(caller, owner)) {
                refused.computeIfAbsent(owner, key -> new TreeSet<>()).add(row.number());
            }
        }
        if (!refused.isEmpty()) {
            throw new AccessDeniedException("Only an editor or admin of the owning organisation may import its contracts; you are signed in for "
                    + caller.organisation() + " with roles " + caller.roles() + ", and the file has "
                    + refused.entrySet().stream().map(entry -> "rows " + entry.getValue() + " of " + entry.getKey())
                    .collect(Collectors.joining(", ")));
        }
    }

    private Plan create(Cells row, Map<String, CommissioningStrategy> strategies, Caller caller) {
        String strategyId = row.get(STRATEGY_ID);
        if (strategyId == null || strategyId.isEmpty()) {
            throw new InvalidInputException(STRATEGY_ID.header(), "No contract has the id " + row.id()
                    + ", so the row registers one, which needs the strategyId it belongs to");
        }
        CommissioningStrategy strategy = strategies.get(strategyId);
        if (strategy == null) {
            throw new NotFoundException(STRATEGY_ID.header(), "No commissioning strategy has the id " + strategyId);
        }
        List<RegisterContractInput.RatingInput> ratings = List.of();
        if (!blank(row.get(LATEST_RATING))) {
            ratings = List.of(new RegisterContractInput.RatingInput(row.get(RATING_SCALE) == null || row.get(RATING_SCALE).isEmpty()
                    ? ("true".equals(row.get(PROCURED_UNDER_PROCUREMENT_ACT_2023)) ? RatingScale.PROCUREMENT_ACT_2023 : RatingScale.LEGACY).name()
                    : row.get(RATING_SCALE), row.get(LATEST_RATING), nullIfBlank(row.get(LATEST_RATED_ON)), null, null));
        } else if (!blank(row.get(RATING_SCALE)) || !blank(row.get(LATEST_RATED_ON))) {
            throw new InvalidInputException(LATEST_RATING.header(), "latestRating is needed when ratingScale or latestRatedOn is given");
        }
        RegisterContractInput input = new RegisterContractInput(row.id(), strategyId, null, row.get(SERVICE), row.get(PROVIDER),
                blank(row.get(PROVIDER_ORGANISATION_IDS)) ? null : RegisterColumn.items(row.get(PROVIDER_ORGANISATION_IDS)),
                blank(row.get(PROVIDER_RESOLUTION)) ? null : ProviderResolution.valueOf(row.get(PROVIDER_RESOLUTION)),
                nullIfBlank(row.get(VALUE)), nullIfBlank(row.get(TERM)), nullIfBlank(row.get(START_DATE)), nullIfBlank(row.get(REVIEW_DATE)),
                blank(row.get(REVIEW_DECIDES)) ? null : ReviewDecision.valueOf(row.get(REVIEW_DECIDES)),
                blank(row.get(KPIS)) ? null : Boolean.valueOf(row.get(KPIS)),
                blank(row.get(KPI_COUNT)) ? null : Integer.valueOf(row.get(KPI_COUNT)),
                null, ratings, null, null, null, null, null,
                blank(row.get(AREAS)) ? null : RegisterColumn.items(row.get(AREAS)),
                blank(row.get(PROCURED_UNDER_PROCUREMENT_ACT_2023)) ? null : Boolean.valueOf(row.get(PROCURED_UNDER_PROCUREMENT_ACT_2023)));
        Contract contract = Contract.register(ContractInputRules.draftOf(input, strategy.getOwnerOrganisation(), 0, caller.subject()),
                caller.subject());
        checkWorkedOut(row, contract, "the term as written (" + contract.getTerm().asWritten() + ") and startDate give ", END_DATE);
        checkWorkedOut(row, contract, "", OWNER_ORGANISATION, CURRENCY, MAX_EXTENT_DATE);
        return new Create(row.number(), input);
    }

    /** Works out the changes to a contract on a copy in memory, so every rule that could refuse them is checked now. */
    private Plan change(Cells row, Contract contract, Caller caller, String source) {
        int checkedRevision = contract.getRevision();
        for (RegisterColumn column : row.present()) {
            // A blank cell here says nothing: these columns cannot change, so there is nothing it could clear.
            if (column.use() == RegisterColumn.Use.REGISTERED && !blank(row.get(column)) && !row.get(column).equals(current(column, contract))) {
                throw new InvalidInputException(column.header(), column.header() + " is set when a contract is registered and an import "
                        + "cannot change it; contract " + contract.getId() + " has " + quoted(column.text(contract)));
            }
        }
        List<ColumnChange> changes = new ArrayList<>();
        Map<RegisterColumn, String> amended = new LinkedHashMap<>();
        for (RegisterColumn column : row.present()) {
            String current = current(column, contract);
            String proposed = row.get(column);
            if (column.use() != RegisterColumn.Use.AMENDABLE || proposed.equals(current)) {
                continue;
            }
            if (proposed.isEmpty()) {
                throw new InvalidInputException(column.header(), column.header() + " is blank but contract " + contract.getId()
                        + " has " + quoted(current) + "; " + NOT_CLEARED);
            }
            amended.put(column, proposed);
            changes.add(new ColumnChange(column.header(), nullIfBlank(current), proposed));
        }
        String rationale = "Imported from the contract register" + (source == null || source.isBlank() ? "" : " file "
                + source.strip().substring(0, Math.min(200, source.strip().length()))) + ", row " + row.number();
        AmendContractInput amendment = null;
        if (!amended.isEmpty()) {
            boolean reviewChanged = amended.containsKey(REVIEW_DATE) || amended.containsKey(REVIEW_DECIDES);
            String reviewDate = reviewChanged ? amended.getOrDefault(REVIEW_DATE, REVIEW_DATE.text(contract)) : null;
            String reviewDecides = reviewChanged ? amended.getOrDefault(REVIEW_DECIDES, REVIEW_DECIDES.text(contract)) : null;
            amendment = new AmendContractInput(contract.getId(), rationale, null, amended.get(RegisterColumn.SERVICE),
                    amended.get(VALUE), amended.get(START_DATE), amended.get(END_DATE), nullIfBlank(reviewDate),
                    blank(reviewDecides) ? null : ReviewDecision.valueOf(reviewDecides),
                    amended.containsKey(KPIS) ? Boolean.valueOf(amended.get(KPIS)) : null,
                    amended.containsKey(KPI_COUNT) ? Integer.valueOf(amended.get(KPI_COUNT)) : null,
                    null, null, null, null, amended.containsKey(AREAS) ? RegisterColumn.items(amended.get(AREAS)) : null);
            contract.amend(ContractInputRules.changesOf(amendment), register.today(), ContractInputRules.rationale(rationale),
                    caller.subject());
        }
        RecordRatingInput rating = rating(row, contract, caller, changes);
        checkWorkedOut(row, contract, "", OWNER_ORGANISATION, CURRENCY, MAX_EXTENT_DATE);
        if (amendment == null && rating == null) {
            return new Unchanged(row.number());
        }
        return new Change(row.number(), contract.getId(), checkedRevision, amendment, rating, List.copyOf(changes));
    }

    /** A latest rating in the file that differs from the contract's is a new rating, checked on the copy. */
    private RecordRatingInput rating(Cells row, Contract contract, Caller caller, List<ColumnChange> changes) {
        List<RegisterColumn> ratingColumns = List.of(RATING_SCALE, LATEST_RATING, LATEST_RATED_ON);
        boolean differs = ratingColumns.stream().anyMatch(column -> row.has(column) && !row.get(column).equals(current(column, contract)));
        if (!differs) {
            return null;
        }
        if (blank(row.get(LATEST_RATING))) {
            throw new InvalidInputException(LATEST_RATING.header(), "latestRating is blank or missing but the rating columns differ from "
                    + "contract " + contract.getId() + "'s latest rating (" + quoted(LATEST_RATING.text(contract)) + "); ratings are never removed");
        }
        for (RegisterColumn column : ratingColumns) {
            if (row.has(column) && !row.get(column).equals(current(column, contract))) {
                changes.add(new ColumnChange(column.header(), nullIfBlank(column.text(contract)), nullIfBlank(row.get(column))));
            }
        }
        String scale = blank(row.get(RATING_SCALE)) ? contract.getRatingScale().name() : row.get(RATING_SCALE);
        RecordRatingInput input = new RecordRatingInput(contract.getId(), scale, row.get(LATEST_RATING), nullIfBlank(row.get(LATEST_RATED_ON)), null);
        RatingScale ratingScale = ContractInputRules.scale("scale", input.scale());
        Rating value = ContractInputRules.rating("rating", input.rating(), ratingScale);
        try {
            contract.recordRating(new PerformanceRating(ratingScale, value, register.onOrToday("ratedOn", input.ratedOn()), null, null,
                    caller.subject()));
        } catch (InvalidInputException e) {
            if ("correctiveMeasures".equals(e.field())) {
                throw new InvalidInputException(e.field(), e.getMessage() + ". Corrective measures are internal and not in the "
                        + "register: record this rating with recordContractRating");
            }
            throw e;
        }
        return input;
    }

    /** Columns the register works out must agree with what the row's other columns give. */
    private static void checkWorkedOut(Cells row, Contract contract, String because, RegisterColumn... columns) {
        for (RegisterColumn column : columns) {
            String given = row.get(column);
            if (!blank(given) && !given.equals(current(column, contract))) {
                throw new InvalidInputException(column.header(), column.header() + " is " + given + " but "
                        + (because.isEmpty() ? "the register works it out from the other columns as " : because)
                        + quoted(column.text(contract)));
            }
        }
    }

    private List<RowError> changedSinceChecked(List<Plan> plans) {
        Map<String, Change> changes = plans.stream().filter(Change.class::isInstance).map(Change.class::cast)
                .collect(Collectors.toMap(Change::id, Function.identity()));
        Set<String> creates = plans.stream().filter(Create.class::isInstance).map(plan -> ((Create) plan).input().id())
                .collect(Collectors.toCollection(HashSet::new));
        List<RowError> conflicts = new ArrayList<>();
        List<String> ids = new ArrayList<>(changes.keySet());
        ids.addAll(creates);
        for (Contract current : contracts.findAllById(ids)) {
            Change change = changes.get(current.getId());
            if (change == null) {
                conflicts.add(new RowError(rowOf(plans, current.getId()), ID.header(), "Contract " + current.getId()
                        + " was registered by someone else while the file was being checked; import the file again"));
            } else if (current.getRevision() != change.checkedRevision()) {
                conflicts.add(new RowError(change.row(), ID.header(), "Contract " + current.getId()
                        + " was changed by someone else while the file was being checked; import the file again"));
            }
        }
        return conflicts;
    }

    private static int rowOf(List<Plan> plans, String id) {
        return plans.stream().filter(plan -> plan instanceof Create create && create.input().id().equals(id))
                .mapToInt(Plan::row).findFirst().orElse(0);
    }

    private void apply(Plan plan) {
        if (plan instanceof Create create) {
            register.register(create.input());
        } else if (plan instanceof Change change) {
            if (change.amendment() != null) {
                register.amend(change.amendment());
            }
            if (change.rating() != null) {
                register.recordRating(change.rating());
            }
        }
    }

    private static RegisterImportReport report(boolean preview, int rows, List<Plan> plans) {
        List<String> created = new ArrayList<>();
        List<ChangedContract> changed = new ArrayList<>();
        int unchanged = 0;
        for (Plan plan : plans) {
            if (plan instanceof Create create) {
                created.add(create.input().id());
            } else if (plan instanceof Change change) {
                changed.add(new ChangedContract(change.id(), change.row(), change.changes()));
            } else {
                unchanged++;
            }
        }
        return new RegisterImportReport(preview, !preview, rows, List.copyOf(created), List.copyOf(changed), unchanged, List.of());
    }

    /** The contract's value in the form a file's cell is read into, so that the two compare. */
    private static String current(RegisterColumn column, Contract contract) {
        String text = column.text(contract);
        try {
            return column.canonical(text);
        } catch (InvalidInputException e) {
            return text;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isEmpty();
    }

    private static String nullIfBlank(String text) {
        return blank(text) ? null : text;
    }

    private static String quoted(String text) {
        return text.isEmpty() ? "no value" : "'" + text + "'";
    }

    /** A row's cells by column, in the register's form; columns the file does not have are absent. */
    private record Cells(int number, Map<RegisterColumn, String> values, boolean hasErrors) {

        String id() {
            return values.getOrDefault(ID, "");
        }

        String get(RegisterColumn column) {
            return values.get(column);
        }

        boolean has(RegisterColumn column) {
            return values.containsKey(column);
        }

        Set<RegisterColumn> present() {
            return values.keySet();
        }
    }

    private sealed interface Plan permits Create, Change, Unchanged {
        int row();
    }

    private record Create(int row, RegisterContractInput input) implements Plan {
    }

    /** @param checkedRevision the contract's revision when the change was worked out, before the copy was changed */
    private record Change(int row, String id, int checkedRevision, AmendContractInput amendment, RecordRatingInput rating,
                          List<ColumnChange> changes) implements Plan {
    }

    private record Unchanged(int row) implements Plan {
    }
}
