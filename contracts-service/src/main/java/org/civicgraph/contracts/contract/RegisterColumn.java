package org.civicgraph.contracts.contract;

import org.civicgraph.platform.graphql.InvalidInputException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of the published contract register: the public fields of a key contract, never its internal ones
 * (commercial notes, corrective measures). Each column says what an import may do with it:
 * <ul>
 *     <li>{@link Use#KEY}: the contract's id; a row with a known id changes that contract, an unknown id registers one</li>
 *     <li>{@link Use#REGISTERED}: set when the contract is registered; a different value on import is an error, since
 *         these change only through a new registration (provider matching, the term as written)</li>
 *     <li>{@link Use#AMENDABLE}: a different value on import amends the contract, kept as an amendment with its rationale</li>
 *     <li>{@link Use#RATING}: a different latest rating on import records a new rating on the contract's scale</li>
 *     <li>{@link Use#DERIVED}: worked out from the other fields; published for readers, checked on import</li>
 * </ul>
 * Lists are written with {@code ;} between items. Dates are ISO (2022-09-30), amounts exact in pounds (7200000.00).
 */
enum RegisterColumn {

    ID("id", Use.KEY, Contract::getId),
    STRATEGY_ID("strategyId", Use.REGISTERED, Contract::getStrategyId),
    OWNER_ORGANISATION("ownerOrganisation", Use.DERIVED, Contract::getOwnerOrganisation),
    SERVICE("service", Use.AMENDABLE, Contract::getService),
    PROVIDER("provider", Use.REGISTERED, Contract::getProvider),
    PROVIDER_ORGANISATION_IDS("providerOrganisationIds", Use.REGISTERED, contract -> list(contract.getProviderOrganisationIds())),
    PROVIDER_RESOLUTION("providerResolution", Use.REGISTERED, contract -> name(contract.getProviderResolution())),
    VALUE("value", Use.AMENDABLE, Contract::getValue),
    CURRENCY("currency", Use.DERIVED, contract -> "GBP"),
    TERM("term", Use.REGISTERED, contract -> contract.getTerm().asWritten()),
    START_DATE("startDate", Use.AMENDABLE, contract -> contract.getTerm().startDate()),
    END_DATE("endDate", Use.AMENDABLE, contract -> contract.getTerm().endDate()),
    MAX_EXTENT_DATE("maxExtentDate", Use.DERIVED, contract -> contract.getTerm().maxExtentDate()),
    REVIEW_DATE("reviewDate", Use.AMENDABLE, contract -> contract.getReview() == null ? null : contract.getReview().asWritten()),
    REVIEW_DECIDES("reviewDecides", Use.AMENDABLE, contract -> contract.getReview() == null ? null : name(contract.getReview().decides())),
    KPIS("kpis", Use.AMENDABLE, Contract::getKpis),
    KPI_COUNT("kpiCount", Use.AMENDABLE, Contract::getKpiCount),
    PROCURED_UNDER_PROCUREMENT_ACT_2023("procuredUnderProcurementAct2023", Use.REGISTERED, Contract::isProcuredUnderProcurementAct2023),
    RATING_SCALE("ratingScale", Use.RATING, contract -> contract.getLatestRating() == null ? null : name(contract.getLatestRating().scale())),
    LATEST_RATING("latestRating", Use.RATING, contract -> contract.getLatestRating() == null ? null : name(contract.getLatestRating().rating())),
    LATEST_RATED_ON("latestRatedOn", Use.RATING, contract -> contract.getLatestRating() == null ? null : contract.getLatestRating().ratedOn()),
    AREAS("areas", Use.AMENDABLE, contract -> list(contract.getAreas()));

    enum Use { KEY, REGISTERED, AMENDABLE, RATING, DERIVED }

    static final List<RegisterColumn> ALL = List.of(values());
    private static final Map<String, RegisterColumn> BY_HEADER = Arrays.stream(values())
            .collect(Collectors.toMap(column -> column.header.toLowerCase(Locale.ROOT), Function.identity()));

    private final String header;
    private final Use use;
    private final Function<Contract, Object> value;

    RegisterColumn(String header, Use use, Function<Contract, Object> value) {
        this.header = header;
        this.use = use;
        this.value = value;
    }

    String header() {
        return header;
    }

    Use use() {
        return use;
    }

    /** The contract's value in this column, typed for a workbook: text, LocalDate, BigDecimal, Integer, Boolean or null. */
    Object value(Contract contract) {
        return value.apply(contract);
    }

    /** The contract's value in this column as the register writes it in text; "" when it has none. */
    String text(Contract contract) {
        return text(value(contract));
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        return value.toString();
    }

    /** The column a header names, in any case. */
    static Optional<RegisterColumn> byHeader(String header) {
        return Optional.ofNullable(BY_HEADER.get(header.strip().toLowerCase(Locale.ROOT)));
    }

    /** The column an input field of the contract rules stands for, so that a rule's error names the file's column. */
    static String columnOfField(String field) {
        if (field == null) {
            return ID.header;
        }
        if (field.endsWith(".scale") || field.equals("scale")) {
            return RATING_SCALE.header;
        }
        if (field.endsWith(".rating") || field.equals("rating") || field.equals("correctiveMeasures")) {
            return LATEST_RATING.header;
        }
        if (field.endsWith(".ratedOn") || field.equals("ratedOn")) {
            return LATEST_RATED_ON.header;
        }
        return byHeader(field).map(RegisterColumn::header).orElse(ID.header);
    }

    /**
     * The cell as the register writes it, so that it compares with {@link #text(Contract)}: trimmed; amounts to pence
     * (a pound sign and thousands separators are allowed); dates ISO; yes/no as true/false; names in capitals; lists
     * without blanks. A cell that cannot be read throws naming this column.
     */
    String canonical(String cell) {
        String text = cell == null ? "" : cell.strip();
        if (text.isEmpty()) {
            return "";
        }
        return switch (this) {
            case VALUE -> amount(text);
            case START_DATE, END_DATE, MAX_EXTENT_DATE, LATEST_RATED_ON -> date(text);
            case KPIS, PROCURED_UNDER_PROCUREMENT_ACT_2023 -> yesNo(text);
            case KPI_COUNT -> count(text);
            case PROVIDER_RESOLUTION -> constant(text, ProviderResolution.class);
            case REVIEW_DECIDES -> constant(text, ReviewDecision.class);
            case RATING_SCALE -> constant(text, RatingScale.class);
            case LATEST_RATING -> constant(text, Rating.class);
            case CURRENCY -> currency(text);
            case PROVIDER_ORGANISATION_IDS, AREAS -> String.join(";", Arrays.stream(text.split(";")).map(String::strip)
                    .filter(item -> !item.isEmpty()).toList());
            default -> text;
        };
    }

    static List<String> items(String canonicalList) {
        return canonicalList.isEmpty() ? List.of() : List.of(canonicalList.split(";"));
    }

    private String amount(String text) {
        String digits = text.replace("£", "").replace(",", "").strip();
        try {
            BigDecimal amount = new BigDecimal(digits);
            if (amount.signum() < 0) {
                throw new InvalidInputException(header, header + " must not be negative; got " + text);
            }
            if (amount.stripTrailingZeros().scale() > 2) {
                throw new InvalidInputException(header, header + " must be in pounds and pence, at most two decimal places; got " + text);
            }
            return amount.setScale(2).toPlainString();
        } catch (NumberFormatException e) {
            throw new InvalidInputException(header, header + " must be an amount in pounds such as 7200000 or 1250.50; got " + text);
        }
    }

    private String date(String text) {
        try {
            return LocalDate.parse(text).toString();
        } catch (RuntimeException e) {
            throw new InvalidInputException(header, header + " must be an ISO date such as 2017-09-30; got " + text);
        }
    }

    private String yesNo(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y" -> "true";
            case "false", "no", "n" -> "false";
            default -> throw new InvalidInputException(header, header + " must be true or false (or yes or no); got " + text);
        };
    }

    private String count(String text) {
        try {
            int count = new BigDecimal(text).intValueExact();
            if (count < 0) {
                throw new InvalidInputException(header, header + " must not be negative; got " + text);
            }
            return String.valueOf(count);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidInputException(header, header + " must be a whole number; got " + text);
        }
    }

    private String currency(String text) {
        if (!text.equalsIgnoreCase("GBP")) {
            throw new InvalidInputException(header, "The register is in pounds sterling: currency must be GBP; got " + text);
        }
        return "GBP";
    }

    private <E extends Enum<E>> String constant(String text, Class<E> type) {
        String name = text.toUpperCase(Locale.ROOT).replace(' ', '_');
        try {
            return Enum.valueOf(type, name).name();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(header, "Unknown " + header + " '" + text + "'; use one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String list(List<String> items) {
        return items == null ? "" : String.join(";", items);
    }

    private static String name(Enum<?> constant) {
        return constant == null ? null : constant.name();
    }
}
