package org.civicgraph.contracts.contract;

/**
 * How the provider is paid. Timing and frequency are given where the terms are that simple; otherwise they are null
 * and the words as written say it all ("Inc. Annually in arrears Exp. Quarterly in arrears").
 */
public record PaymentTerms(PaymentTiming timing, PaymentFrequency frequency, String asWritten) {
}
