package org.civicgraph.contracts.strategy;

import org.civicgraph.platform.events.AggregateRoot;
import org.civicgraph.platform.events.FieldChanges;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A council's commissioning strategy for one of its outcomes, identified by a slug such as
 * {@code children-are-safe-and-healthy}: who leads it, how its needs were established, its outcomes and measures and
 * the pooled budgets it relies on. Its key contracts are aggregates of their own. The owning organisation reports on it.
 */
@Document("strategies")
public class CommissioningStrategy extends AggregateRoot {

    static final String REGISTERED = "org.civicgraph.contracts.strategy.registered.v1";
    static final String STATUS_REPORTED = "org.civicgraph.contracts.strategy.status-reported.v1";
    static final String POOLED_BUDGET_ORGANISATIONS_CHANGED = "org.civicgraph.contracts.strategy.pooled-budget-organisations-changed.v1";

    @Indexed
    private String ownerOrganisation;
    private String title;
    private String sponsor;
    private String commissioningLead;
    private String leadOfficer;
    private CommissioningStage stage;
    private String stageText;
    private CommissionerStatus commissionerStatus;
    private String commissionerComment;
    private String completedBy;
    private LocalDate reportDate;
    private String summary;
    private String needsEstablished;
    private List<String> outcomes;
    private MeasuresSummary measures;
    private List<PooledBudget> pooledBudgets;
    private String coCommissioningNote;
    private String propertyImplications;
    private String commercialOpportunities;

    CommissioningStrategy() {
    }

    static CommissioningStrategy register(StrategyRegistration registration) {
        CommissioningStrategy strategy = new CommissioningStrategy();
        strategy.id = registration.id();
        strategy.ownerOrganisation = registration.ownerOrganisation();
        strategy.title = registration.title();
        strategy.sponsor = registration.sponsor();
        strategy.commissioningLead = registration.commissioningLead();
        strategy.leadOfficer = registration.leadOfficer();
        strategy.stage = registration.stage();
        strategy.stageText = registration.stageText();
        strategy.commissionerStatus = registration.commissionerStatus();
        strategy.commissionerComment = registration.commissionerComment();
        strategy.completedBy = registration.completedBy();
        strategy.reportDate = registration.reportDate();
        strategy.summary = registration.summary();
        strategy.needsEstablished = registration.needsEstablished();
        strategy.outcomes = registration.outcomes() == null ? List.of() : List.copyOf(registration.outcomes());
        strategy.measures = registration.measures();
        strategy.pooledBudgets = registration.pooledBudgets() == null ? List.of() : List.copyOf(registration.pooledBudgets());
        strategy.coCommissioningNote = registration.coCommissioningNote();
        strategy.propertyImplications = registration.propertyImplications();
        strategy.commercialOpportunities = registration.commercialOpportunities();
        strategy.recordEvent(REGISTERED, subject(strategy.id), Map.of("id", strategy.id,
                "ownerOrganisation", strategy.ownerOrganisation, "title", strategy.title));
        return strategy;
    }

    /** Records the commissioner's status from a highlight report, old and new values; returns whether anything changed. */
    boolean reportStatus(CommissionerStatus newStatus, String newComment, String changedBy, LocalDate newReportDate) {
        Objects.requireNonNull(newStatus, "commissionerStatus");
        FieldChanges changes = new FieldChanges();
        commissionerStatus = changes.set("commissionerStatus", commissionerStatus, newStatus);
        commissionerComment = changes.set("commissionerComment", commissionerComment, newComment);
        reportDate = changes.set("reportDate", reportDate, newReportDate);
        if (changes.isEmpty()) {
            return false;
        }
        recordEvent(STATUS_REPORTED, subject(id), changes.eventData("id", id, changedBy));
        return true;
    }

    /**
     * Follows a merge in the partner directory: pooled budgets held by, or with contributions from, the merged
     * organisation name the survivor instead; contributors' names as written stay. The owner is never changed here.
     * Recorded old and new with what prompted it; returns whether anything changed.
     */
    boolean followMerge(String mergedId, String survivorId, String changedBy, Map<String, Object> because) {
        FieldChanges changes = new FieldChanges();
        List<PooledBudget> followed = new ArrayList<>();
        for (PooledBudget budget : getPooledBudgets()) {
            String field = "pooledBudgets[" + budget.name() + "]";
            String heldBy = changes.set(field + ".heldBy", budget.heldBy(), following(budget.heldBy(), mergedId, survivorId));
            List<PooledBudget.Contribution> contributions = new ArrayList<>();
            for (PooledBudget.Contribution contribution : budget.contributions()) {
                String organisationId = changes.set(field + ".contributions[" + contribution.contributor() + "].organisationId",
                        contribution.organisationId(), following(contribution.organisationId(), mergedId, survivorId));
                contributions.add(new PooledBudget.Contribution(contribution.contributor(), organisationId, contribution.amount()));
            }
            followed.add(new PooledBudget(budget.name(), budget.description(), budget.year(), budget.total(), budget.totalApproximate(),
                    heldBy, contributions, budget.contributorsComplete()));
        }
        if (changes.isEmpty()) {
            return false;
        }
        pooledBudgets = List.copyOf(followed);
        Map<String, Object> data = changes.eventData("id", id, changedBy);
        data.put("because", because);
        recordEvent(POOLED_BUDGET_ORGANISATIONS_CHANGED, subject(id), data);
        return true;
    }

    private static String following(String organisationId, String mergedId, String survivorId) {
        return mergedId.equals(organisationId) ? survivorId : organisationId;
    }

    private static String subject(String id) {
        return "strategies/" + id;
    }

    public String getOwnerOrganisation() {
        return ownerOrganisation;
    }

    public String getTitle() {
        return title;
    }

    public String getSponsor() {
        return sponsor;
    }

    public String getCommissioningLead() {
        return commissioningLead;
    }

    public String getLeadOfficer() {
        return leadOfficer;
    }

    public CommissioningStage getStage() {
        return stage;
    }

    public String getStageText() {
        return stageText;
    }

    public CommissionerStatus getCommissionerStatus() {
        return commissionerStatus;
    }

    public String getCommissionerComment() {
        return commissionerComment;
    }

    public LocalDate getReportDate() {
        return reportDate;
    }

    public List<String> getOutcomes() {
        return outcomes;
    }

    public String getCompletedBy() {
        return completedBy;
    }

    public String getSummary() {
        return summary;
    }

    public String getNeedsEstablished() {
        return needsEstablished;
    }

    public MeasuresSummary getMeasures() {
        return measures;
    }

    public List<PooledBudget> getPooledBudgets() {
        return pooledBudgets;
    }

    public String getCoCommissioningNote() {
        return coCommissioningNote;
    }

    public String getPropertyImplications() {
        return propertyImplications;
    }

    public String getCommercialOpportunities() {
        return commercialOpportunities;
    }
}
