package cn.dataelements.contest.compliance;

import java.util.Objects;

/**
 * One result of the compliance pre-check (合规性审查): a stable code, how much it weighs, the Chinese message the
 * supervision committee reads, and the evidence it rests on. Code and evidence together identify a finding across
 * re-runs, which is what a person's decision on it is keyed by.
 *
 * @param code stable machine-readable code, e.g. {@code CREDIT_CODE_INVALID}
 * @param severity blocking, warning or info, as mappings/compliance.yaml configures it
 * @param messageZh the message in Simplified Chinese, its placeholders filled in
 * @param evidence what the finding points at
 */
public record Finding(String code, Severity severity, String messageZh, Evidence evidence) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(messageZh, "messageZh");
        Objects.requireNonNull(evidence, "evidence");
    }
}
