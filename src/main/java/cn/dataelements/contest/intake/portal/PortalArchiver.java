package cn.dataelements.contest.intake.portal;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.archive.ReceivedFacts;
import cn.dataelements.contest.archive.SubmissionArchive;
import cn.dataelements.contest.intake.IntakeAttempts;
import cn.dataelements.contest.intake.IntakeFailures;
import cn.dataelements.contest.intake.IntakeProperties;
import cn.dataelements.contest.intake.ScratchFolder;
import cn.dataelements.contest.intake.SourceItem;
import cn.dataelements.contest.intake.SourceUnavailableException;
import cn.dataelements.contest.intake.records.Channels;
import cn.dataelements.contest.intake.records.MappingProblem;
import cn.dataelements.contest.intake.records.RecordBundle;
import cn.dataelements.contest.intake.records.Registration;
import cn.dataelements.contest.intake.records.RegistrationIdentities;
import cn.dataelements.contest.intake.records.UnmappedRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * First step of a portal route: a listing record and its files, archived as received before anything reads them. Its
 * files come from the allowed hosts only; a link that expired (403) is renewed by reading the listing again; a file
 * the portal does not have (404, 410) or a link to another host becomes a problem on the submission; a file the
 * portal cannot serve now (5xx, a timeout, a stall) leaves the record to be tried again, until it has failed
 * {@code fileTries} times: then it too is a problem on the submission, and the record goes in without it. A record that does not map (no id, no title, a time that is not one) is
 * archived as it came and quarantined, and the listing goes on.
 */
@Component
class PortalArchiver {

    private static final Logger log = LoggerFactory.getLogger(PortalArchiver.class);

    private final SubmissionArchive archive;
    private final ObjectMapper json;
    private final IntakeAttempts attempts;
    private final RegistrationIdentities identities;
    private final Path workDir;

    PortalArchiver(
            SubmissionArchive archive,
            ObjectMapper json,
            IntakeAttempts attempts,
            RegistrationIdentities identities,
            IntakeProperties properties) {
        this.archive = archive;
        this.json = json;
        this.attempts = attempts;
        this.identities = identities;
        this.workDir =
                ScratchFolder.cleared(properties.workDir().toAbsolutePath().resolve("portal-downloads"));
    }

    public ArchivedSubmission archive(Exchange exchange) throws IOException, InterruptedException {
        PortalRecord item = exchange.getIn().getBody(PortalRecord.class);
        PortalSource source = item.source();
        JsonNode record = item.record();
        String route = exchange.getFromRouteId();
        String id = source.id(record);
        exchange.setProperty(IntakeFailures.SOURCE, new SourceItem(route, "portal:" + id, -1, -1, ""));
        byte[] raw = json.writeValueAsBytes(record);
        List<MappingProblem> problems = new ArrayList<>();
        Registration registration = source.registration(record, problems);
        if (registration == null || !problems.isEmpty()) {
            throw UnmappedRecord.quarantine(
                    archive,
                    exchange,
                    raw,
                    new ReceivedFacts(Channels.PORTAL, route, "portal:" + id, -1, -1, "", Instant.now()),
                    "Portal record " + (id.isEmpty() ? "without id" : id),
                    "门户报名记录",
                    "原始记录",
                    problems);
        }
        Files.createDirectories(workDir);
        Path work = Files.createTempDirectory(workDir, "record-");
        try {
            Bundled bundled = files(source, record, work, route);
            RecordBundle bundle = new RecordBundle(raw, registration, bundled.files(), bundled.missing());
            Instant received = receivedAt(source, registration);
            ReceivedFacts facts = new ReceivedFacts(Channels.PORTAL, route, id, -1, -1, "", received);
            return archive.store(bundle::writeTo, facts, identities.archiveId(bundle));
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    /**
     * The portal's own time for this version: its submission time; for a later version of a registration taken in
     * before, the time it was changed, when the mapping names it. Never the time it was fetched.
     */
    private static Instant receivedAt(PortalSource source, Registration registration) {
        if (source.state().known(registration.sourceId())
                && registration.updatedAt() != null
                && registration.updatedAt().isAfter(registration.submittedAt())) {
            return registration.updatedAt();
        }
        return registration.submittedAt();
    }

    private record Bundled(List<RecordBundle.BundleFile> files, List<RecordBundle.MissingFile> missing) {}

    private Bundled files(PortalSource source, JsonNode record, Path work, String route)
            throws IOException, InterruptedException {
        List<RecordBundle.BundleFile> files = new ArrayList<>();
        List<RecordBundle.MissingFile> missing = new ArrayList<>();
        JsonNode current = record;
        boolean renewed = false;
        List<PortalSource.Attachment> attachments = source.attachments(current);
        for (int i = 0; i < attachments.size(); i++) {
            PortalSource.Attachment attachment = attachments.get(i);
            if (attachment.link().isEmpty()) {
                missing.add(new RecordBundle.MissingFile(
                        attachment.name(),
                        attachment.reference(),
                        attachment.reference().isEmpty()
                                ? "附件“" + attachment.name() + "”没有下载链接，未能取得。请联系参赛团队重新上传。"
                                : "报名记录的附件列表（" + attachment.reference() + "）无法识别，附件未能取得。",
                        attachment.reference().isEmpty()
                                ? "Attachment " + attachment.name() + " is listed without a link"
                                : "The attachment list at " + attachment.reference() + " is not a list"));
                continue;
            }
            String tries = route + "|portal-file:" + attachment.reference();
            try {
                PortalClient.Download download =
                        source.client().download(source.client().resolve(attachment.link()), work);
                files.add(new RecordBundle.BundleFile(
                        attachment.name(),
                        attachment.reference(),
                        download.file(),
                        download.sha256(),
                        download.size()));
                attempts.succeeded(tries);
            } catch (SourceUnavailableException e) {
                // the record is left to be tried again, but a file the portal never serves must not hold it for ever
                int tried = attempts.fail(tries, e.getMessage());
                if (tried < source.fileTries()) {
                    throw e;
                }
                log.warn(
                        "Portal file {} failed {} times: taken as missing ({})",
                        attachment.reference(),
                        tried,
                        e.getMessage());
                missing.add(new RecordBundle.MissingFile(
                        attachment.name(),
                        attachment.reference(),
                        "附件“" + attachment.name() + "”未能取得：门户连续 " + tried + " 次无法提供该文件（服务器错误或超时）。请联系参赛团队或门户核实。",
                        "The portal failed to serve " + attachment.reference() + " " + tried + " times: "
                                + e.getMessage()));
            } catch (PortalClient.RefusedDownload e) {
                if (e.status == 403 && !renewed) {
                    // a signed link that expired: the listing gives a fresh one
                    renewed = true;
                    Optional<JsonNode> fresh = source.refetch(current);
                    if (fresh.isPresent()) {
                        log.info("Link of {} expired (403): renewed from the listing", attachment.reference());
                        current = fresh.get();
                        attachments = source.attachments(current);
                        files.clear();
                        missing.clear();
                        i = -1;
                        continue;
                    }
                }
                missing.add(missing(attachment, e));
            } catch (IllegalArgumentException e) {
                missing.add(new RecordBundle.MissingFile(
                        attachment.name(),
                        attachment.reference(),
                        "附件“" + attachment.name() + "”的链接无效，未能下载。",
                        "The link of " + attachment.name() + " is not a valid URI: " + e.getMessage()));
            }
        }
        return new Bundled(files, missing);
    }

    private static RecordBundle.MissingFile missing(
            PortalSource.Attachment attachment, PortalClient.RefusedDownload e) {
        String why = switch (e.status) {
            case 0 -> "链接不在允许下载的主机上，未下载";
            case 403 -> "门户拒绝下载（403），重新读取列表后仍然如此";
            case 413 -> "文件超过 " + (PortalClient.MAX_FILE_BYTES >> 20) + " MB 的上限";
            case 404, 410 -> "门户上已没有该文件（" + e.status + "）";
            default -> "门户拒绝下载（" + e.status + "）";
        };
        log.warn("Portal file {} not taken: {}", attachment.reference(), e.getMessage());
        return new RecordBundle.MissingFile(
                attachment.name(),
                attachment.reference(),
                "附件“" + attachment.name() + "”未能取得：" + why + "。请联系参赛团队重新上传。",
                e.getMessage());
    }
}
