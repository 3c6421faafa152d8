package cn.dataelements.contest.intake.mail;

import cn.dataelements.contest.compliance.CheckedFinding;
import cn.dataelements.contest.compliance.Severity;
import cn.dataelements.contest.intake.TakenSubmission;
import cn.dataelements.contest.receipt.ReceiptContent;
import cn.dataelements.contest.receipt.ReceiptOutcome;
import cn.dataelements.contest.receipt.Receipts;
import cn.dataelements.contest.receipt.ReceivedFile;
import cn.dataelements.contest.submission.Problem;
import cn.dataelements.contest.submission.ReadSubmission;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Last step of the mailbox route: the sender of a new version gets one receipt, saying what arrived, the track we
 * understood and what the team can still fix. A repeat or a redelivery gets none. A receipt that cannot even be
 * queued is logged, not allowed to undo an intake that has already been indexed.
 */
@Component
class MailReceiptStep {

    private static final Logger log = LoggerFactory.getLogger(MailReceiptStep.class);

    private final Receipts receipts;

    MailReceiptStep(Receipts receipts) {
        this.receipts = receipts;
    }

    public void acknowledge(TakenSubmission taken) {
        if (taken == null) {
            return;
        }
        try {
            ReceiptOutcome outcome = receipts.acknowledge(asMail(taken.read()), content(taken));
            log.info(
                    "Receipt for entry {} v{}: {}",
                    taken.entry().id(),
                    taken.version().number(),
                    outcome);
        } catch (IOException | RuntimeException e) {
            log.error(
                    "Receipt for entry {} could not be queued; the intake itself is complete",
                    taken.entry().id(),
                    e);
        }
    }

    private static ReceiptContent content(TakenSubmission taken) {
        List<ReceivedFile> files = taken.version().materials().stream()
                .filter(m -> m.submissionId().equals(taken.read().document().id()))
                .map(m -> ReceivedFile.of(m.name(), m.kind()))
                .toList();
        Stream<String> problems = taken.entry().problems().stream().map(Problem::messageZh);
        Stream<String> findings = taken.findings().findings().stream()
                .map(CheckedFinding::finding)
                .filter(f -> f.severity() != Severity.INFO)
                .map(f -> f.messageZh());
        return new ReceiptContent(
                taken.entry().id(),
                taken.version().number(),
                files,
                ReceiptContent.trackText(taken.entry().track()),
                Stream.concat(problems, findings).distinct().toList());
    }

    /** What the receipt policy reads: the sender's addresses and allow-listed headers, nothing else. */
    private static ParsedMail asMail(ReadSubmission read) {
        ReadSubmission.Sender sender = read.sender();
        return new ParsedMail(
                sender.messageId(),
                read.document().subject(),
                sender.from(),
                sender.fromName(),
                sender.replyTo(),
                null,
                "",
                List.of(),
                List.of(),
                sender.headers());
    }
}
