package cn.dataelements.contest.compliance;

/** How much a finding weighs: blocking stops an entry until a person overrules it, a warning asks a person to look. */
public enum Severity {
    BLOCKING,
    WARNING,
    INFO
}
