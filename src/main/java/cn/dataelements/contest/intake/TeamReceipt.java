package cn.dataelements.contest.intake;

import cn.dataelements.contest.compliance.CheckedFinding;
import cn.dataelements.contest.compliance.EntryCheck;
import cn.dataelements.contest.compliance.Finding;
import cn.dataelements.contest.compliance.Severity;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.receipt.ReceiptContent;
import cn.dataelements.contest.receipt.ReceiptOutcome;
import cn.dataelements.contest.receipt.Receipts;
import cn.dataelements.contest.receipt.ReceivedFile;
import cn.dataelements.contest.submission.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides the receipt of a submission just taken in, before it counts as taken: what arrived, the track understood,
 * and what the team can still fix. It lists only what is the team's own: the problems of its submission and entry,
 * and the findings configured for the team's audience; never a finding that rests on another entry or a watch list.
 */
@Component
class TeamReceipt {

    private static final Logger log = LoggerFactory.getLogger(TeamReceipt.class);

    private final Receipts receipts;
    private final EntryCheck check;

    TeamReceipt(Receipts receipts, EntryCheck check) {
        this.receipts = receipts;
        this.check = check;
    }

    /** Writes the receipt's decision to disk; throws when it could not (then the item must not be acknowledged). */
    void prepare(TakenSubmission taken) {
        try {
            ReceiptOutcome outcome = receipts.prepare(
                    taken.read().document().id(),
                    taken.read().sender(),
                    taken.view().contact() == null ? "" : taken.view().contact().email(),
                    content(taken));
            log.info(
                    "Receipt for submission {} (entry {} v{}): {}",
                    taken.read().document().id(),
                    taken.entry().id(),
                    taken.version().number(),
                    outcome);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "The receipt of " + taken.read().document().id() + " could not be kept", e);
        }
    }

    private ReceiptContent content(TakenSubmission taken) {
        String submissionId = taken.read().document().id();
        List<ReceivedFile> files = taken.version().materials().stream()
                .filter(m -> m.submissionId().equals(submissionId))
                .map(m -> ReceivedFile.of(m.name(), m.kind()))
                .toList();
        Stream<String> problems = Stream.concat(
                        taken.read().document().problems().stream(), taken.entry().problems().stream())
                .map(Problem::messageZh);
        Stream<String> findings = taken.findings().findings().stream()
                .map(CheckedFinding::finding)
                .filter(f -> f.severity() != Severity.INFO)
                .filter(check::forTeam)
                .map(Finding::messageZh);
        Entry entry = taken.entry();
        return new ReceiptContent(
                entry.id(),
                taken.version().number(),
                files,
                ReceiptContent.trackText(entry.track()),
                Stream.concat(problems, findings).distinct().toList());
    }
}
