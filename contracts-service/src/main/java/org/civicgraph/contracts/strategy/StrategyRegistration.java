package org.civicgraph.contracts.strategy;

import java.time.LocalDate;
import java.util.List;

/** A commissioning strategy as a highlight report first describes it; stage, status and date may be missing. */
record StrategyRegistration(String id, String ownerOrganisation, String title, String sponsor, String commissioningLead,
                            String leadOfficer, CommissioningStage stage, String stageText,
                            CommissionerStatus commissionerStatus, LocalDate reportDate, List<String> outcomes,
                            List<KeyContract> keyContracts) {
}
