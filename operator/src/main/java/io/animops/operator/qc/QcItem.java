package io.animops.operator.qc;

/**
 * One item of a checklist.
 *
 * @param limit the rule's parameter ({@link QcRule#parameter()}), null for rules without one
 */
public record QcItem(String id, String title, QcRule rule, Double limit) {}
