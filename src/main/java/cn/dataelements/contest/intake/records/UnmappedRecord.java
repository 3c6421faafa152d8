package cn.dataelements.contest.intake.records;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.archive.ReceivedFacts;
import cn.dataelements.contest.archive.SubmissionArchive;
import cn.dataelements.contest.submission.PermanentIntakeException;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;

/** A structured channel's record that its mapping cannot read: kept as it came, then quarantined with why. */
public final class UnmappedRecord {

    private UnmappedRecord() {}

    /**
     * Archives the record's bytes as received (the exchange then carries the archived item, which the ledger names)
     * and returns the failure that quarantines it, for the caller to throw.
     *
     * @param whatEn the record, for the log, e.g. "Portal record R-1"
     * @param whatZh the record, for people, e.g. "门户报名记录"
     * @param keptZh what was kept, for people, e.g. "原始记录"
     */
    public static PermanentIntakeException quarantine(
            SubmissionArchive archive,
            Exchange exchange,
            byte[] raw,
            ReceivedFacts facts,
            String whatEn,
            String whatZh,
            String keptZh,
            List<MappingProblem> problems)
            throws IOException {
        ArchivedSubmission kept = archive.store(out -> out.write(raw), facts);
        exchange.getIn().setBody(kept);
        return new PermanentIntakeException(
                whatEn + " does not map: "
                        + problems.stream().map(MappingProblem::toString).collect(Collectors.joining("; ")),
                whatZh + "无法读取："
                        + problems.stream().map(MappingProblem::message).collect(Collectors.joining("；"))
                        + "。" + keptZh + "已存档。",
                null);
    }
}
