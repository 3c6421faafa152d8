package cn.dataelements.contest.compliance;

/**
 * A finding as shown to the committee: the finding, the key a decision names it by, and the decision on it if a
 * person made one.
 */
public record CheckedFinding(Finding finding, String evidenceKey, Decision decision) {}
