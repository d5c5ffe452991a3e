package org.civicgraph.contracts.strategy;

record ReportStrategyStatusInput(String id, CommissionerStatus commissionerStatus, String comment, String reportDate) {
}
