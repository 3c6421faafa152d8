package cn.dataelements.contest.intake.mail;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.archive.ReceivedFacts;
import cn.dataelements.contest.extraction.MaterialReader;
import cn.dataelements.contest.extraction.MaterialReader.ReadFile;
import cn.dataelements.contest.extraction.SubmissionLimits;
import cn.dataelements.contest.intake.IntakeProperties;
import cn.dataelements.contest.intake.ScratchFolder;
import cn.dataelements.contest.intake.SubmissionReader;
import cn.dataelements.contest.submission.PermanentIntakeException;
import cn.dataelements.contest.submission.Problem;
import cn.dataelements.contest.submission.ReadSubmission;
import cn.dataelements.contest.submission.SubmissionDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads an archived mail into a submission: our own MIME walk over the archived bytes, then each attachment read
 * by {@link MaterialReader}. Work files live in a folder of each read's own under the work folder, only while it runs.
 */
@Component
class MailSubmissionReader implements SubmissionReader {

    private final MailParser parser;
    private final MaterialReader materials;
    private final SubmissionLimits limits;
    private final Path workDir;

    MailSubmissionReader(
            MailParser parser, MaterialReader materials, SubmissionLimits limits, IntakeProperties properties) {
        this.parser = parser;
        this.materials = materials;
        this.limits = limits;
        this.workDir =
                ScratchFolder.cleared(properties.workDir().toAbsolutePath().resolve("mail"));
    }

    @Override
    public String channel() {
        return MailArchiver.CHANNEL;
    }

    @Override
    public ReadSubmission read(ArchivedSubmission archived) {
        return ScratchFolder.use(workDir, archived.id(), work -> {
            try {
                return read(archived, parser.parse(archived.file(), work.resolve("parts")), work);
            } catch (UnparseableMailException e) {
                throw new PermanentIntakeException(
                        "Not a mail: " + e.getMessage(), "无法识别为邮件（缺少邮件头或内容为空），已移入隔离文件夹，原件已存档。", e);
            }
        });
    }

    @Override
    public List<MaterialReader.Received> receivedFiles(ArchivedSubmission archived, Path work) throws IOException {
        try {
            return parser.parse(archived.file(), work.resolve("parts")).attachments().stream()
                    .map(a -> new MaterialReader.Received(a.fileName(), a.file(), a.size(), a.sha256()))
                    .toList();
        } catch (UnparseableMailException e) {
            return List.of();
        }
    }

    private ReadSubmission read(ArchivedSubmission archived, ParsedMail mail, Path work) throws IOException {
        MaterialReader.Materials read = materials.readAll(
                mail.attachments().stream()
                        .map(a -> new MaterialReader.Received(a.fileName(), a.file(), a.size(), a.sha256()))
                        .toList(),
                work,
                limits);
        List<ReadFile> files = read.files();
        List<Problem> problems = new ArrayList<>(mail.problems());
        problems.addAll(read.problems());
        ReceivedFacts first = archived.firstReceived();
        SubmissionDocument document = new SubmissionDocument(
                archived.id(),
                first.channel(),
                first.route(),
                first.receivedAt(),
                Files.getLastModifiedTime(archived.file()).toInstant(),
                new SubmissionDocument.Source(
                        first.folder(), first.uid(), first.uidValidity(), first.messageId(), mail.messageId()),
                mail.subject(),
                mail.from(),
                mail.fromName(),
                mail.bodyText(),
                files.stream().map(ReadFile::document).toList(),
                problems,
                SubmissionDocument.STATUS_RECEIVED);
        return new ReadSubmission(
                document,
                files,
                new ReadSubmission.Sender(
                        mail.messageId(), mail.from(), mail.fromName(), mail.replyTo(), mail.headers()));
    }
}
