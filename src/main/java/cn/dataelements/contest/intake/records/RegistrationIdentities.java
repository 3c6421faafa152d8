package cn.dataelements.contest.intake.records;

import cn.dataelements.contest.archive.ArchiveProperties;
import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.archive.SubmissionArchive;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The archive id a registration bundle is kept under: its {@linkplain RecordBundle#identity() identity}, which does not
 * depend on the order its source lists units and members in. Registrations archived before identities were sorted are
 * kept under their identity of then; the first time a registration is archived after the upgrade, the archive's
 * registrations are read once (their manifests only) for today's identity of each, kept in
 * {@code registration-identities.jsonl} beside the archive, so the same registration seen again is recognized as the
 * submission it was, not taken as a new version.
 */
@Component
public class RegistrationIdentities {

    private static final Logger log = LoggerFactory.getLogger(RegistrationIdentities.class);

    /** An archived registration whose id is not today's identity. */
    record Alias(String identity, String archived) {}

    private final SubmissionArchive archive;
    private final Path file;
    private final ObjectMapper json;
    private Map<String, String> aliases;

    RegistrationIdentities(SubmissionArchive archive, ArchiveProperties properties, ObjectMapper json) {
        this.archive = archive;
        this.file = properties.dir().toAbsolutePath().resolve("registration-identities.jsonl");
        this.json = json;
    }

    /** The id to archive the bundle under: the id it was archived under before, else its identity. */
    public String archiveId(RecordBundle bundle) {
        String identity = bundle.identity();
        return aliases().getOrDefault(identity, identity);
    }

    private synchronized Map<String, String> aliases() {
        if (aliases == null) {
            try {
                aliases = Files.exists(file) ? read() : scan();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the identities of archived registrations", e);
            }
        }
        return aliases;
    }

    private Map<String, String> read() throws IOException {
        Map<String, String> read = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                Alias alias = json.readValue(line, Alias.class);
                read.put(alias.identity(), alias.archived());
            }
        }
        return read;
    }

    /** Reads every archived registration's manifest once, and keeps those archived under an identity of before. */
    private Map<String, String> scan() throws IOException {
        Map<String, String> found = new HashMap<>();
        List<ArchivedSubmission> all = archive.all();
        for (ArchivedSubmission archived : all) {
            String channel = archived.firstReceived().channel();
            if (!Channels.PORTAL.equals(channel) && !Channels.EXPORT.equals(channel)) {
                continue;
            }
            try {
                String identity = RecordBundle.identityOf(archived.file());
                if (!identity.equals(archived.id())) {
                    found.putIfAbsent(identity, archived.id());
                }
            } catch (IOException e) {
                // not a bundle (a record archived as it came, for quarantine): nothing to recognize
            }
        }
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "registration-identities", ".part");
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, String> alias : found.entrySet()) {
            lines.append(json.writeValueAsString(new Alias(alias.getKey(), alias.getValue())))
                    .append('\n');
        }
        Files.writeString(temp, lines);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        log.info(
                "Read the identities of the archive's registrations once: {} of {} archived items are registrations"
                        + " kept under an earlier identity",
                found.size(),
                all.size());
        return found;
    }
}
