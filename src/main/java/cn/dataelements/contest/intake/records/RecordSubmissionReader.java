package cn.dataelements.contest.intake.records;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.archive.ReceivedFacts;
import cn.dataelements.contest.extraction.MaterialReader;
import cn.dataelements.contest.extraction.MaterialReader.ReadFile;
import cn.dataelements.contest.extraction.SubmissionLimits;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipException;

/**
 * Reads an archived registration of a structured channel (portal, export) into a submission: the registration's
 * fields as the declared header of its entry, each of its files read by {@link MaterialReader} as a mail's
 * attachments are, and each file it named but did not bring as a problem. Reads the archived bundle only, so a rebuild
 * gives the same result whatever the mapping says today.
 */
public class RecordSubmissionReader implements SubmissionReader {

    private final String channel;
    private final MaterialReader materials;
    private final SubmissionLimits limits;
    private final Path workDir;

    public RecordSubmissionReader(String channel, MaterialReader materials, SubmissionLimits limits, Path workDir) {
        this.channel = channel;
        this.materials = materials;
        this.limits = limits;
        this.workDir = ScratchFolder.cleared(workDir.toAbsolutePath().resolve(channel));
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public ReadSubmission read(ArchivedSubmission archived) {
        return ScratchFolder.use(workDir, archived.id(), work -> {
            RecordBundle bundle;
            try {
                bundle = RecordBundle.read(archived.file(), work.resolve("files"));
            } catch (ZipException e) {
                throw new PermanentIntakeException(
                        "Archived registration " + archived.id() + " is not a readable bundle: " + e.getMessage(),
                        "存档的报名记录无法读取，已移入隔离区，原件已存档。",
                        e);
            }
            return read(archived, bundle, work);
        });
    }

    @Override
    public List<MaterialReader.Received> receivedFiles(ArchivedSubmission archived, Path work) throws IOException {
        return RecordBundle.read(archived.file(), work.resolve("files")).files().stream()
                .map(f -> new MaterialReader.Received(f.name(), f.file(), f.size(), f.sha256()))
                .toList();
    }

    private ReadSubmission read(ArchivedSubmission archived, RecordBundle bundle, Path work) throws IOException {
        MaterialReader.Materials read = materials.readAll(
                bundle.files().stream()
                        .map(f -> new MaterialReader.Received(f.name(), f.file(), f.size(), f.sha256()))
                        .toList(),
                work,
                limits);
        List<ReadFile> files = read.files();
        List<Problem> problems = new ArrayList<>(read.problems());
        for (RecordBundle.MissingFile missing : bundle.missing()) {
            problems.add(
                    new Problem(Problem.FILE_NOT_DELIVERED, missing.messageZh(), missing.detailEn(), missing.name()));
        }
        Registration registration = bundle.registration();
        ReceivedFacts first = archived.firstReceived();
        SubmissionDocument document = new SubmissionDocument(
                archived.id(),
                first.channel(),
                first.route(),
                first.receivedAt(),
                Files.getLastModifiedTime(archived.file()).toInstant(),
                new SubmissionDocument.Source(first.folder(), -1, -1, "", registration.sourceId()),
                registration.workTitle(),
                registration.receiptAddress(),
                registration.contact().name(),
                summary(registration),
                files.stream().map(ReadFile::document).toList(),
                problems,
                SubmissionDocument.STATUS_RECEIVED);
        ReadSubmission.Sender sender = registration.receiptAddress().isBlank()
                ? ReadSubmission.Sender.NONE
                : new ReadSubmission.Sender(
                        "",
                        registration.receiptAddress(),
                        registration.contact().name(),
                        List.of(),
                        java.util.Map.of());
        return new ReadSubmission(document, files, sender, registration.header());
    }

    /** The registration's fields as lines of text: what search finds of them, as the body of a mail would be. */
    static String summary(Registration r) {
        return Stream.of(
                        line("报名编号", r.sourceId()),
                        line("作品名称", r.workTitle()),
                        line("参赛赛道", r.trackText()),
                        line("赛题", r.topic()),
                        line("申报单位", r.units().stream().map(u -> u.name()).collect(Collectors.joining("、"))),
                        line("团队成员", r.members().stream().map(m -> m.name()).collect(Collectors.joining("、"))),
                        line("联系人", r.contact().name()),
                        line("联系电话", r.contact().phone()),
                        line("联系邮箱", r.contact().email()))
                .filter(l -> !l.isEmpty())
                .collect(Collectors.joining("\n"));
    }

    private static String line(String label, String value) {
        return value == null || value.isBlank() ? "" : label + "：" + value;
    }
}
