package org.civicgraph.contracts.strategy;

import java.time.LocalDate;
import java.util.List;

/**
 * A commissioning strategy as a highlight report first describes it; stage, status, date and most sections may be
 * missing. Its key contracts are registered separately, as contracts of their own.
 */
record StrategyRegistration(String id, String ownerOrganisation, String title, String sponsor, String commissioningLead,
                            String leadOfficer, CommissioningStage stage, String stageText,
                            CommissionerStatus commissionerStatus, String commissionerComment, String completedBy,
                            LocalDate reportDate, String summary, String needsEstablished, List<String> outcomes,
                            MeasuresSummary measures, List<PooledBudget> pooledBudgets, String coCommissioningNote,
                            String propertyImplications, String commercialOpportunities) {
}
