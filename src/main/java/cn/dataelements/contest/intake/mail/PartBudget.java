package cn.dataelements.contest.intake.mail;

import cn.dataelements.contest.submission.Problem;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the parts and nesting depth of one message against {@link MailParserLimits}. A part that does not fit is
 * recorded as a problem (the part-count problem only once) and skipped; the walk carries on.
 */
final class PartBudget {

    private static final Logger log = LoggerFactory.getLogger(PartBudget.class);

    private final MailParserLimits limits;
    private final List<Problem> problems;
    private int partCount;
    private boolean partLimitReported;

    PartBudget(MailParserLimits limits, List<Problem> problems) {
        this.limits = limits;
        this.problems = problems;
    }

    /** Counts the part at {@code path}; false when it is too deep or one part too many. */
    boolean admit(String path, int depth) {
        if (depth > limits.maxDepth()) {
            String detail = "nesting deeper than maxDepth=" + limits.maxDepth() + ", skipped";
            log.warn("Mail part {}: {}", path, detail);
            problems.add(new Problem("MAIL_TOO_DEEP", "邮件第 " + path + " 部分嵌套过深，已跳过", detail, path));
            return false;
        }
        if (++partCount <= limits.maxParts()) {
            return true;
        }
        if (!partLimitReported) {
            partLimitReported = true;
            String detail = "more than maxParts=" + limits.maxParts() + " parts; skipping from " + path;
            log.warn("Mail part {}: {}", path, detail);
            problems.add(new Problem("MAIL_TOO_MANY_PARTS", "邮件包含的部分过多，第 " + path + " 部分起的内容已跳过", detail, path));
        }
        return false;
    }
}
