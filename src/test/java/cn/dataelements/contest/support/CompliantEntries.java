package cn.dataelements.contest.support;

import cn.dataelements.contest.compliance.CheckedFinding;
import cn.dataelements.contest.compliance.CommitteeDecisions;
import cn.dataelements.contest.compliance.EntryFindings;
import cn.dataelements.contest.compliance.Severity;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * Makes a test's entry pass the compliance review as the committee would: once it is checked, every blocking finding
 * is overruled, with a reason. A round only takes entries that passed.
 */
public final class CompliantEntries {

    private CompliantEntries() {}

    public static void overruleBlocking(CommitteeDecisions decisions, String entryId) throws Exception {
        EntryFindings found = Awaitility.await("the entry's compliance check")
                .atMost(Duration.ofSeconds(60))
                .until(() -> decisions.findings(entryId).orElse(null), f -> f != null);
        for (CheckedFinding f : found.findings()) {
            if (f.finding().severity() == Severity.BLOCKING) {
                decisions.decide(
                        entryId, f.finding().code(), f.evidenceKey(), "OVERRULED", "测试：监督委员会认可", "committee-test");
            }
        }
    }
}
