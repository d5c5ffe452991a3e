package org.civicgraph.contracts.contract;

import org.civicgraph.platform.events.AggregateRoot;
import org.civicgraph.platform.events.FieldChanges;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A key contract of a commissioning strategy (over £1m, or politically sensitive), identified by a slug such as
 * {@code healthy-minds-lincolnshire}. It keeps the words of the report beside their interpretation: the provider's
 * name as written and the organisations it was matched to, the term as written and its periods and options, the
 * review date as written and when it is due. The strategy's owner manages it.
 */
@Document("contracts")
@CompoundIndexes({
        @CompoundIndex(name = "strategy_register_order", def = "{'strategyId': 1, 'position': 1, '_id': 1}"),
        @CompoundIndex(name = "owner_register_order", def = "{'ownerOrganisation': 1, 'strategyId': 1, 'position': 1, '_id': 1}"),
        @CompoundIndex(name = "provider_register_order", def = "{'providerOrganisationIds': 1, 'strategyId': 1, 'position': 1, '_id': 1}"),
        @CompoundIndex(name = "term_end_id", def = "{'term.endDate': 1, '_id': 1}"),
        @CompoundIndex(name = "review_due_id", def = "{'review.dueDate': 1, '_id': 1}"),
        @CompoundIndex(name = "rating_due_id", def = "{'ratingDueDate': 1, '_id': 1}"),
        @CompoundIndex(name = "option_decided", def = "{'term.extensionOptions.decidedOn': 1}", sparse = true)})
public class Contract extends AggregateRoot {

    static final String REGISTERED = "org.civicgraph.contracts.contract.registered.v1";
    static final String RATING_RECORDED = "org.civicgraph.contracts.contract.rating-recorded.v1";
    static final String OPTION_EXERCISED = "org.civicgraph.contracts.contract.option-exercised.v1";
    static final String OPTION_DECLINED = "org.civicgraph.contracts.contract.option-declined.v1";
    static final String AMENDED = "org.civicgraph.contracts.contract.amended.v1";
    static final String PROVIDER_ORGANISATIONS_CHANGED = "org.civicgraph.contracts.contract.provider-organisations-changed.v1";
    static final String PROVIDER_MATCHED = "org.civicgraph.contracts.contract.provider-matched.v1";

    private String strategyId;
    private String ownerOrganisation;
    private int position;
    private String service;
    private String providerName;
    private List<String> providerOrganisationIds;
    @Indexed // the unmatched are read again whenever the partner directory gains a name
    private ProviderResolution providerResolution;
    private BigDecimal value;
    private ContractTerm term;
    private ContractReview review;
    private Boolean kpis;
    private Integer kpiCount;
    private String performance;
    private List<PerformanceRating> ratings;
    private PaymentTerms paymentTerms;
    private Boolean performanceDriven;
    private Boolean volumeSensitive;
    private Boolean politicallySensitive;
    private String commercialNotes;
    @Indexed
    private List<String> areas;
    private boolean procuredUnderProcurementAct2023;
    private List<ContractAmendment> amendments;
    private int revision;
    private Instant lastChangedAt;
    /** When the next rating on the Procurement Act 2023 scale is due, for contracts the Act's duties apply to. */
    private LocalDate ratingDueDate;
    /** The time-driven occasions already announced ({@link DueOccasion#key()}), so each is announced once. */
    private List<String> firedOccasions;

    Contract() {
    }

    static Contract register(ContractDraft draft, String registeredBy) {
        Contract contract = new Contract();
        contract.id = draft.id();
        contract.strategyId = draft.strategyId();
        contract.ownerOrganisation = draft.ownerOrganisation();
        contract.position = draft.position();
        contract.service = draft.service();
        contract.providerName = draft.providerName();
        contract.providerOrganisationIds = List.copyOf(draft.providerOrganisationIds());
        contract.providerResolution = draft.providerResolution();
        contract.value = draft.value();
        contract.term = draft.term();
        contract.review = draft.review();
        contract.kpis = draft.kpis();
        contract.kpiCount = draft.kpiCount();
        contract.performance = draft.performance();
        contract.ratings = List.copyOf(draft.ratings());
        contract.paymentTerms = draft.paymentTerms();
        contract.performanceDriven = draft.performanceDriven();
        contract.volumeSensitive = draft.volumeSensitive();
        contract.politicallySensitive = draft.politicallySensitive();
        contract.commercialNotes = draft.commercialNotes();
        contract.areas = List.copyOf(draft.areas());
        contract.procuredUnderProcurementAct2023 = draft.procuredUnderProcurementAct2023();
        contract.amendments = List.of();
        contract.firedOccasions = List.of();
        contract.refreshRatingDueDate();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", contract.id);
        data.put("strategyId", contract.strategyId);
        data.put("ownerOrganisation", contract.ownerOrganisation);
        data.put("service", contract.service);
        data.put("provider", contract.providerName);
        data.put("providerOrganisationIds", contract.providerOrganisationIds);
        data.put("providerResolution", contract.providerResolution.name());
        data.put("value", contract.value == null ? null : contract.value.toPlainString());
        data.put("term", termData(contract.term));
        data.put("registeredBy", registeredBy);
        contract.changed(REGISTERED, data);
        return contract;
    }

    /** The scale this contract is rated on: the Procurement Act 2023's for contracts procured under it. */
    public RatingScale getRatingScale() {
        return procuredUnderProcurementAct2023 ? RatingScale.PROCUREMENT_ACT_2023 : RatingScale.LEGACY;
    }

    void recordRating(PerformanceRating rating) {
        if (rating.scale() != getRatingScale()) {
            throw new InvalidInputException("scale", "This contract is rated on the " + getRatingScale() + " scale, not "
                    + rating.scale() + (procuredUnderProcurementAct2023 ? ": it was procured under the Procurement Act 2023" : ""));
        }
        if (!rating.rating().isOn(rating.scale())) {
            throw new InvalidInputException("rating", rating.rating() + " is not on the " + rating.scale() + " scale; use one of "
                    + Rating.on(rating.scale()));
        }
        if (rating.rating().needsCorrectiveMeasures() && (rating.correctiveMeasures() == null || rating.correctiveMeasures().isBlank())) {
            throw new InvalidInputException("correctiveMeasures", "correctiveMeasures are required when performance is rated "
                    + rating.rating() + ": say what is being done about it, such as Re-tender");
        }
        PerformanceRating latest = getLatestRating();
        if (latest != null && latest.ratedOn() != null && rating.ratedOn().isBefore(latest.ratedOn())) {
            throw new InvalidInputException("ratedOn", "ratedOn " + rating.ratedOn() + " is before the latest rating, of "
                    + latest.ratedOn() + "; ratings are kept in the order they were given");
        }
        List<PerformanceRating> history = new ArrayList<>(ratings);
        history.add(rating);
        ratings = List.copyOf(history);
        refreshRatingDueDate();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("scale", rating.scale().name());
        data.put("rating", rating.rating().name());
        data.put("ratedOn", rating.ratedOn().toString());
        data.put("correctiveMeasuresGiven", rating.correctiveMeasures() != null);
        data.put("recordedBy", rating.recordedBy());
        changed(RATING_RECORDED, data);
    }

    void exerciseOption(int number, LocalDate on, String note, String changedBy) {
        term = term.exercise(number, on, note);
        changed(OPTION_EXERCISED, optionData(number, changedBy));
    }

    void declineOption(int number, LocalDate on, String note, String changedBy) {
        term = term.decline(number, on, note);
        changed(OPTION_DECLINED, optionData(number, changedBy));
    }

    /** Applies an amendment and keeps it with its rationale; returns whether anything changed. */
    boolean amend(ContractChanges proposed, LocalDate date, String rationale, String amendedBy) {
        LocalDate newStart = proposed.startDate() == null ? term.startDate() : proposed.startDate();
        LocalDate newEnd = proposed.endDate() == null ? term.endDate() : proposed.endDate();
        if (newStart != null && newEnd != null && newEnd.isBefore(newStart)) {
            throw new InvalidInputException(proposed.endDate() != null ? "endDate" : "startDate",
                    "The contract would end (" + newEnd + ") before it starts (" + newStart + ")");
        }
        FieldChanges changes = new FieldChanges();
        service = changes.setIfGiven("service", service, proposed.service());
        value = changes.setIfGiven("value", value, proposed.value());
        LocalDate oldStart = term.startDate();
        LocalDate oldEnd = term.endDate();
        changes.set("startDate", oldStart, newStart);
        changes.set("endDate", oldEnd, newEnd);
        if (!Objects.equals(oldStart, newStart) || !Objects.equals(oldEnd, newEnd)) {
            term = term.withPeriod(newStart, newEnd);
        }
        if (proposed.review() != null) {
            changes.set("reviewDate", review == null ? null : review.asWritten(), proposed.review().asWritten());
            changes.set("reviewDecides", review == null ? null : review.decides(), proposed.review().decides());
            review = proposed.review();
        }
        kpis = changes.setIfGiven("kpis", kpis, proposed.kpis());
        kpiCount = changes.setIfGiven("kpiCount", kpiCount, proposed.kpiCount());
        paymentTerms = changes.setIfGiven("paymentTerms", paymentTerms, proposed.paymentTerms());
        performanceDriven = changes.setIfGiven("performanceDriven", performanceDriven, proposed.performanceDriven());
        volumeSensitive = changes.setIfGiven("volumeSensitive", volumeSensitive, proposed.volumeSensitive());
        politicallySensitive = changes.setIfGiven("politicallySensitive", politicallySensitive, proposed.politicallySensitive());
        areas = changes.setIfGiven("areas", areas, proposed.areas());
        if (changes.isEmpty()) {
            return false;
        }
        refreshRatingDueDate();
        Map<String, Object> data = changes.eventData("id", id, amendedBy);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, String>> changed = (Map<String, Map<String, String>>) data.get("changes");
        List<ContractAmendment.AmendedField> fields = changed.entrySet().stream()
                .map(entry -> new ContractAmendment.AmendedField(entry.getKey(), entry.getValue().get("old"), entry.getValue().get("new")))
                .toList();
        String amendmentId = String.valueOf(amendments.size() + 1);
        String description = "Changed " + String.join(", ", changed.keySet());
        List<ContractAmendment> history = new ArrayList<>(amendments);
        history.add(new ContractAmendment(amendmentId, date, rationale, description, fields, amendedBy));
        amendments = List.copyOf(history);
        data.put("amendment", amendmentId);
        data.put("date", date.toString());
        data.put("rationale", rationale);
        changed(AMENDED, data);
        return true;
    }

    /**
     * Follows a merge in the partner directory: a provider matched to the merged organisation is matched to the survivor
     * instead (once, if the survivor was matched already). The name as written and how far it is resolved stay as they
     * are. A change of the contract like any other, with its own event, old and new, and what prompted it; not an
     * amendment, since the contract itself did not change. Returns whether anything changed, so that following the same
     * merge again does not.
     */
    boolean followMerge(String mergedId, String survivorId, String changedBy, Map<String, Object> because) {
        if (providerOrganisationIds == null || !providerOrganisationIds.contains(mergedId)) {
            return false;
        }
        LinkedHashSet<String> followed = new LinkedHashSet<>();
        providerOrganisationIds.forEach(organisation -> followed.add(organisation.equals(mergedId) ? survivorId : organisation));
        FieldChanges changes = new FieldChanges();
        providerOrganisationIds = changes.set("providerOrganisationIds", providerOrganisationIds, List.copyOf(followed));
        Map<String, Object> data = changes.eventData("id", id, changedBy);
        data.put("provider", providerName);
        data.put("providerOrganisationIds", providerOrganisationIds);
        data.put("because", because);
        changed(PROVIDER_ORGANISATIONS_CHANGED, data);
        return true;
    }

    /**
     * Matches a provider left unmatched to the one organisation the partner directory now resolves its name to with
     * confidence, after the directory gained a name. The name as written stays. A change like {@link #followMerge}, with
     * its own event; returns false, changing nothing, unless the provider is still unmatched.
     *
     * @param match what the directory said: the name it matched and the score
     */
    boolean matchProvider(String organisationId, Map<String, Object> match, String changedBy, Map<String, Object> because) {
        if (providerResolution != ProviderResolution.UNRESOLVED) {
            return false;
        }
        FieldChanges changes = new FieldChanges();
        providerOrganisationIds = changes.set("providerOrganisationIds", providerOrganisationIds, List.of(organisationId));
        providerResolution = changes.set("providerResolution", providerResolution, ProviderResolution.RESOLVED);
        Map<String, Object> data = changes.eventData("id", id, changedBy);
        data.put("provider", providerName);
        data.put("providerOrganisationIds", providerOrganisationIds);
        data.put("providerResolution", providerResolution.name());
        data.put("match", match);
        data.put("because", because);
        changed(PROVIDER_MATCHED, data);
        return true;
    }

    /** Whether the occasion was announced already. */
    boolean hasFired(String occasionKey) {
        return firedOccasions != null && firedOccasions.contains(occasionKey);
    }

    /**
     * Announces a time-driven occasion (a review due, say) once: the event and the note that it was announced are
     * saved together, in the same write, so two runners can never both announce it. Not a change to the contract:
     * its revision stays as it is.
     *
     * @param today the day it is announced, later than it became due when announced after downtime
     * @return false when the occasion was announced already
     */
    boolean fire(DueOccasion occasion, LocalDate today) {
        if (hasFired(occasion.key())) {
            return false;
        }
        List<String> fired = new ArrayList<>(firedOccasions == null ? List.of() : firedOccasions);
        fired.add(occasion.key());
        firedOccasions = List.copyOf(fired);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("occasion", occasion.kind().name());
        data.put("dueDate", text(occasion.dueDate()));
        data.put("becameDueOn", text(occasion.becomesDueOn()));
        data.put("announcedOn", text(today));
        data.put("ownerOrganisation", ownerOrganisation);
        data.put("strategyId", strategyId);
        data.put("service", service);
        data.put("provider", providerName);
        data.putAll(occasion.details());
        recordEvent(occasion.kind().eventType(), "contracts/" + id, data);
        return true;
    }

    private void refreshRatingDueDate() {
        ratingDueDate = ProcurementActCompliance.nextRatingDue(procuredUnderProcurementAct2023, value, ratings,
                term == null ? null : term.startDate());
    }

    private Map<String, Object> optionData(int number, String changedBy) {
        ExtensionOption option = term.extensionOptions().get(number - 1);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("option", number);
        data.put("state", option.state().name());
        data.put("decidedOn", text(option.decidedOn()));
        data.put("optionStartDate", text(option.startDate()));
        data.put("optionEndDate", text(option.endDate()));
        data.put("endDate", text(term.endDate()));
        data.put("maxExtentDate", text(term.maxExtentDate()));
        data.put("lapsedOptions", term.extensionOptions().stream()
                .filter(later -> later.number() > number && later.state() == OptionState.DECLINED && option.decidedOn().equals(later.decidedOn()))
                .map(ExtensionOption::number).toList());
        data.put("changedBy", changedBy);
        return data;
    }

    private static Map<String, Object> termData(ContractTerm term) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("asWritten", term.asWritten());
        data.put("kind", term.kind().name());
        data.put("startDate", text(term.startDate()));
        data.put("endDate", text(term.endDate()));
        data.put("maxExtentDate", text(term.maxExtentDate()));
        data.put("extensionOptions", term.extensionOptions().size());
        data.put("flagReason", term.flagReason());
        return data;
    }

    private void changed(String type, Map<String, Object> data) {
        revision++;
        lastChangedAt = Instant.now();
        recordEvent(type, "contracts/" + id, data);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    public String getStrategyId() {
        return strategyId;
    }

    public String getOwnerOrganisation() {
        return ownerOrganisation;
    }

    public int getPosition() {
        return position;
    }

    public String getService() {
        return service;
    }

    /** The provider's name as the report writes it. */
    public String getProvider() {
        return providerName;
    }

    public List<String> getProviderOrganisationIds() {
        return providerOrganisationIds;
    }

    /** The provider's organisation when the name as written names exactly one. */
    public String getProviderOrganisationId() {
        return providerOrganisationIds.size() == 1 && providerResolution == ProviderResolution.RESOLVED
                ? providerOrganisationIds.get(0) : null;
    }

    public ProviderResolution getProviderResolution() {
        return providerResolution;
    }

    public BigDecimal getValue() {
        return value;
    }

    public ContractTerm getTerm() {
        return term;
    }

    public ContractReview getReview() {
        return review;
    }

    public Boolean getKpis() {
        return kpis;
    }

    public Integer getKpiCount() {
        return kpiCount;
    }

    /** Performance as the latest report words it, or the latest rating's name when it was recorded here. */
    public String getPerformance() {
        PerformanceRating latest = getLatestRating();
        if (latest == null) {
            return performance;
        }
        return latest.asWritten() != null ? latest.asWritten() : latest.rating().label();
    }

    public List<PerformanceRating> getRatings() {
        return ratings;
    }

    public PerformanceRating getLatestRating() {
        return ratings.isEmpty() ? null : ratings.get(ratings.size() - 1);
    }

    public PaymentTerms getPaymentTerms() {
        return paymentTerms;
    }

    public Boolean getPerformanceDriven() {
        return performanceDriven;
    }

    public Boolean getVolumeSensitive() {
        return volumeSensitive;
    }

    public Boolean getPoliticallySensitive() {
        return politicallySensitive;
    }

    /** Internal: {@link InternalFields} decides who may see it. */
    String getCommercialNotes() {
        return commercialNotes;
    }

    public List<String> getAreas() {
        return areas;
    }

    public boolean isProcuredUnderProcurementAct2023() {
        return procuredUnderProcurementAct2023;
    }

    public List<ContractAmendment> getAmendments() {
        return amendments;
    }

    /** Counts the changes made to the contract since it was registered, starting at 1. */
    public int getRevision() {
        return revision;
    }

    public Instant getLastChangedAt() {
        return lastChangedAt;
    }

    /** When the next rating on the Procurement Act 2023 scale is due; null when the Act's duties do not apply. */
    public LocalDate getRatingDueDate() {
        return ratingDueDate;
    }

    List<String> getFiredOccasions() {
        return firedOccasions == null ? List.of() : firedOccasions;
    }
}
