package cn.dataelements.contest.compliance;

import cn.dataelements.contest.entry.MissingFile;
import java.util.ArrayList;
import java.util.List;

/**
 * A file the team submitted that its channel could not deliver (a portal's 404, a refusal, a file too large or a
 * download that stalled; a file a sheet's row names that its package lacks) is a finding on the entry, naming the
 * file, the channel and why: the entry is judged without it, and the committee must know.
 */
final class SubmittedFilesRule implements Rule {

    @Override
    public List<Finding> check(CheckInput input, RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (MissingFile missing : input.entry().missingFiles()) {
            context.finding(
                            FindingCode.SUBMITTED_FILE_MISSING,
                            new Evidence(missing.name(), "missingFiles", missing.submissionId(), -1),
                            "file",
                            missing.name(),
                            "channel",
                            Labels.arrived(missing.channel()),
                            "reason",
                            missing.reasonZh())
                    .ifPresent(findings::add);
        }
        return findings;
    }
}
