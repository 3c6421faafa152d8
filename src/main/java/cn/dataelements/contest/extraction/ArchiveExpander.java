package cn.dataelements.contest.extraction;

import cn.dataelements.contest.submission.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.compress.PasswordRequiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Safely unpacks one mailed archive (zip, 7z, tar, tar.gz, rar), and the archives inside it, into a work directory.
 * Every file gets a generated name under that directory; what the archive called it is kept only as the display
 * path. Limits on depth, count, size and compression ratio are enforced while streaming. Bad content never throws:
 * whatever could not be unpacked becomes a {@link Problem} next to the files that could.
 */
public final class ArchiveExpander {

    private static final Logger log = LoggerFactory.getLogger(ArchiveExpander.class);

    private final ArchiveLimits limits;
    private final Optional<BsdtarReader> bsdtar;

    /** Uses {@code bsdtar} from the PATH for rar, if it is there. */
    public ArchiveExpander(ArchiveLimits limits) {
        this(limits, BsdtarReader.findOnPath());
    }

    /** With an explicit {@code bsdtar}, or none (rar then becomes a problem). */
    ArchiveExpander(ArchiveLimits limits, Optional<Path> bsdtar) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.bsdtar = bsdtar.map(path -> new BsdtarReader(path, limits.externalTimeout()));
    }

    /** True if the file is an archive we try to expand (zip, 7z, tar, tar.gz/tgz, rar) by magic bytes, not only by name. */
    public boolean isArchive(Path file, String displayName) {
        try {
            return ArchiveFormat.detect(file, displayName).isPresent();
        } catch (IOException unreadable) {
            log.warn("Cannot read a file to recognise an archive: {}", unreadable.toString());
            return false;
        }
    }

    /** The limits one archive is expanded within. */
    public ArchiveLimits limits() {
        return limits;
    }

    /** Expands into outDir. Never throws for bad content; everything that could not be done is a Problem. */
    public ExpansionResult expand(Path archive, String displayName, Path outDir) throws IOException {
        return expand(archive, displayName, outDir, limits);
    }

    /** As {@link #expand(Path, String, Path)}, within other limits (what is left of a submission's). */
    public ExpansionResult expand(Path archive, String displayName, Path outDir, ArchiveLimits limits)
            throws IOException {
        Files.createDirectories(outDir);
        ExpansionSession session = new ExpansionSession(limits, outDir);
        Optional<ArchiveFormat> format = ArchiveFormat.detect(archive, displayName);
        if (format.isEmpty()) {
            session.problem(ArchiveProblems.unknownFormat(displayName));
        } else {
            expandLevel(session, archive, format.get(), displayName, 1);
        }
        ExpansionResult result = session.result();
        log.debug(
                "Expanded '{}': {} files, {} problems",
                displayName,
                result.files().size(),
                result.problems().size());
        return result;
    }

    /**
     * @return false if the archive could not be read to its end (rar without bsdtar, encrypted, corrupt); a nested one
     *     then also stays in the result as the file it was received as
     */
    private boolean expandLevel(ExpansionSession session, Path archive, ArchiveFormat format, String display, int depth)
            throws IOException {
        if (format == ArchiveFormat.RAR && bsdtar.isEmpty()) {
            session.problem(ArchiveProblems.rarUnsupported(display));
            return false;
        }
        boolean streaming = format != ArchiveFormat.ZIP;
        ArchiveLevel level = new ArchiveLevel(
                session,
                display,
                depth,
                Files.size(archive),
                streaming,
                (nested, nestedFormat, nestedDisplay, nestedDepth) ->
                        expandLevel(session, nested, nestedFormat, nestedDisplay, nestedDepth));
        try {
            read(archive, format, level);
            return true;
        } catch (PasswordRequiredException e) {
            session.problem(ArchiveProblems.encrypted(display, 0));
            return false;
        } catch (IOException | RuntimeException e) {
            // commons-compress signals some malformed input with unchecked exceptions
            session.problem(ArchiveProblems.corrupt(display, e.toString()));
            return false;
        } finally {
            level.finish();
        }
    }

    private void read(Path archive, ArchiveFormat format, ArchiveLevel level) throws IOException {
        switch (format) {
            case ZIP -> ZipReader.read(archive, level);
            case SEVEN_Z -> SevenZReader.read(archive, level);
            case TAR -> TarReader.read(archive, false, level);
            case TAR_GZ -> TarReader.read(archive, true, level);
            case RAR -> bsdtar.orElseThrow().read(archive, level);
        }
    }
}
