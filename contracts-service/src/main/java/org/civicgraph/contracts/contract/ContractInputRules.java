package org.civicgraph.contracts.contract;

import org.civicgraph.platform.graphql.InvalidInputException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a contract's fields must look like; each failure names the field at fault, before anything is stored. */
final class ContractInputRules {

    private static final int MAX_TEXT = 500;
    private static final int MAX_NOTES = 5000;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern GSS_CODE = Pattern.compile("[A-Z][0-9]{8}");

    private ContractInputRules() {
    }

    static ContractDraft draftOf(RegisterContractInput input, String ownerOrganisation, int defaultPosition, String registeredBy) {
        requireSlug("id", input.id());
        requireText("service", input.service(), MAX_TEXT);
        requireText("provider", input.provider(), MAX_TEXT);
        List<String> organisationIds = input.providerOrganisationIds() == null ? List.of() : List.copyOf(input.providerOrganisationIds());
        organisationIds.forEach(id -> requireSlug("providerOrganisationIds", id));
        ProviderResolution resolution = resolution(organisationIds, input.providerResolution());
        LocalDate startDate = date("startDate", input.startDate());
        ContractTerm term = TermInterpreter.interpret(input.term(), startDate);
        if (input.kpiCount() != null && input.kpiCount() < 0) {
            throw new InvalidInputException("kpiCount", "kpiCount must not be negative");
        }
        if (Boolean.FALSE.equals(input.kpis()) && input.kpiCount() != null && input.kpiCount() > 0) {
            throw new InvalidInputException("kpiCount", "kpiCount is " + input.kpiCount() + " but kpis says the contract has none");
        }
        optionalText("commercialNotes", input.commercialNotes(), MAX_NOTES);
        List<PerformanceRating> history = new ArrayList<>();
        List<RegisterContractInput.RatingInput> ratings = input.ratingHistory() == null ? List.of() : input.ratingHistory();
        for (int i = 0; i < ratings.size(); i++) {
            RegisterContractInput.RatingInput rating = ratings.get(i);
            String field = "ratingHistory[" + i + "]";
            RatingScale scale = scale(field + ".scale", rating.scale());
            Rating value = rating(field + ".rating", rating.rating(), scale);
            history.add(new PerformanceRating(scale, value, date(field + ".ratedOn", rating.ratedOn()), rating.asWritten(),
                    blankToNull(rating.correctiveMeasures()), registeredBy));
        }
        return new ContractDraft(input.id(), input.strategyId(), ownerOrganisation,
                input.position() == null ? defaultPosition : input.position(), input.service().strip(), input.provider().strip(),
                organisationIds, resolution, money("value", input.value()), term,
                ReviewInterpreter.interpret(input.reviewDate(), input.reviewDecides()), input.kpis(), input.kpiCount(),
                input.performance(), history, input.paymentTerms(), input.performanceDriven(), input.volumeSensitive(),
                input.politicallySensitive(), blankToNull(input.commercialNotes()), areas(input.areas()),
                Boolean.TRUE.equals(input.procuredUnderProcurementAct2023()));
    }

    static ContractChanges changesOf(AmendContractInput input) {
        if (input.service() != null) {
            requireText("service", input.service(), MAX_TEXT);
        }
        if (input.kpiCount() != null && input.kpiCount() < 0) {
            throw new InvalidInputException("kpiCount", "kpiCount must not be negative");
        }
        ContractReview review = input.reviewDate() == null && input.reviewDecides() == null ? null
                : ReviewInterpreter.interpret(input.reviewDate(), input.reviewDecides());
        return new ContractChanges(input.service() == null ? null : input.service().strip(), money("value", input.value()),
                date("startDate", input.startDate()), date("endDate", input.endDate()), review, input.kpis(), input.kpiCount(),
                input.paymentTerms(), input.performanceDriven(), input.volumeSensitive(), input.politicallySensitive(),
                input.areas() == null ? null : areas(input.areas()));
    }

    static String rationale(String rationale) {
        requireText("rationale", rationale, MAX_NOTES);
        return rationale.strip();
    }

    static RatingScale scale(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "A rating needs its scale: LEGACY or PROCUREMENT_ACT_2023");
        }
        try {
            return RatingScale.valueOf(constantName(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "Unknown rating scale '" + text + "'; use LEGACY or PROCUREMENT_ACT_2023");
        }
    }

    static Rating rating(String field, String text, RatingScale scale) {
        Rating rating;
        try {
            rating = Rating.valueOf(constantName(text == null ? "" : text));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "Unknown rating '" + text + "'; on the " + scale + " scale use one of " + Rating.on(scale));
        }
        if (!rating.isOn(scale)) {
            throw new InvalidInputException(field, rating + " is not on the " + scale + " scale; use one of " + Rating.on(scale));
        }
        return rating;
    }

    static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " must be an ISO date such as 2017-09-30; got " + text);
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Pounds and pence, exactly: never more than two decimal places, never negative. */
    private static BigDecimal money(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text.strip());
            if (amount.signum() < 0) {
                throw new InvalidInputException(field, field + " must not be negative; got " + text);
            }
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, field + " must be an amount in pounds such as 7200000 or 1250.50; got " + text);
        } catch (ArithmeticException e) {
            throw new InvalidInputException(field, field + " must be in pounds and pence, at most two decimal places; got " + text);
        }
    }

    private static ProviderResolution resolution(List<String> organisationIds, ProviderResolution given) {
        if (given == null) {
            return organisationIds.isEmpty() ? ProviderResolution.UNRESOLVED : ProviderResolution.RESOLVED;
        }
        if (given == ProviderResolution.UNRESOLVED && !organisationIds.isEmpty()) {
            throw new InvalidInputException("providerResolution", "providerResolution is UNRESOLVED but providerOrganisationIds names "
                    + organisationIds);
        }
        if (given != ProviderResolution.UNRESOLVED && organisationIds.isEmpty()) {
            throw new InvalidInputException("providerOrganisationIds", "providerResolution is " + given
                    + " but no providerOrganisationIds are given");
        }
        return given;
    }

    private static List<String> areas(List<String> areas) {
        if (areas == null) {
            return List.of();
        }
        for (String area : areas) {
            if (area == null || !GSS_CODE.matcher(area).matches()) {
                throw new InvalidInputException("areas", "areas must be ONS GSS codes such as E10000019; '" + area + "' is not one");
            }
        }
        return List.copyOf(areas);
    }

    private static void requireSlug(String field, String id) {
        if (id == null || id.length() < 3 || id.length() > 80 || !SLUG.matcher(id).matches()) {
            throw new InvalidInputException(field, field + " must be 3 to 80 characters of a-z, 0-9 and single hyphens between them, "
                    + "such as healthy-minds-lincolnshire; you gave '" + id + "'");
        }
    }

    private static void requireText(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, field + " must not be blank");
        }
        optionalText(field, text, max);
    }

    private static void optionalText(String field, String text, int max) {
        if (text != null && text.length() > max) {
            throw new InvalidInputException(field, field + " may be at most " + max + " characters; it has " + text.length());
        }
    }

    private static String constantName(String text) {
        return text.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
    }
}
