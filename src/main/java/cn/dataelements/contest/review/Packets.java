package cn.dataelements.contest.review;

import cn.dataelements.contest.compliance.CheckedFinding;
import cn.dataelements.contest.compliance.CommitteeDecisions;
import cn.dataelements.contest.compliance.EntryFindings;
import cn.dataelements.contest.entry.Entries;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.Material;
import cn.dataelements.contest.intake.OriginalFiles;
import cn.dataelements.contest.submission.SubmissionLetters;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;

/**
 * One entry's review packet, a zip: {@code entry.json} (the normalized entry), {@code 摘要.pdf} (the same, to read)
 * and, unless blind, the current version's original files under {@code 原件/}. A blind packet leaves out who the team
 * is ({@link Blinding}), the findings whose message names a unit or another team, and the originals, and says so on
 * the PDF's first page. Every packet leaves out contact data: packets are for reviewers.
 */
@Component
public class Packets {

    private final Entries entries;
    private final CommitteeDecisions decisions;
    private final OriginalFiles originals;
    private final SubmissionLetters letters;
    private final PacketPdf pdf;
    private final ObjectMapper json;

    Packets(
            Entries entries,
            CommitteeDecisions decisions,
            OriginalFiles originals,
            SubmissionLetters letters,
            ReviewProperties properties,
            ObjectMapper json) {
        this.entries = entries;
        this.decisions = decisions;
        this.originals = originals;
        this.letters = letters;
        this.pdf = new PacketPdf(properties.font());
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * The packet's file name: the code it gives the entry, never its title (a blind packet's name must not say the
     * team).
     */
    public static String fileName(String code, boolean blind) {
        return (blind ? "盲评材料-" : "评审材料-") + code + ".zip";
    }

    /**
     * Writes the entry's packet as a zip to {@code out}.
     *
     * @param code the 作品编号 the packet gives: the round's code for a reviewer, never the entry's id in a blind packet
     */
    public void write(String entryId, String code, boolean blind, OutputStream out) throws IOException {
        write(entryId, code, blind, null, out);
    }

    /**
     * Writes the entry's packet for a round's review: with a cover and a score page, without the compliance review.
     *
     * @param reading the round and the reader, or null for a packet outside a round
     */
    public void write(String entryId, String code, boolean blind, PacketReading reading, OutputStream out)
            throws IOException {
        Entry entry = entries.find(entryId).orElseThrow(() -> new ReviewException("没有这个作品：" + code));
        PacketEntry packet = reading == null
                ? packet(entry, code, blind)
                : PacketBuilder.build(entry, code, blind, blind ? senders(entry) : List.of(), List.of());
        PacketPdf.Result summary = pdf.render(packet.workTitle(), PacketText.blocks(packet, reading));
        ZipOutputStream zip = new ZipOutputStream(out, java.nio.charset.StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("entry.json"));
        zip.write(json.writeValueAsBytes(withMissing(packet, summary.missing())));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("摘要.pdf"));
        zip.write(summary.pdf());
        zip.closeEntry();
        if (!blind) {
            addOriginals(entry, zip);
        }
        zip.finish();
    }

    /** The entry's title as a reviewer of the round sees it on their pages and sheets: blinded in a blind round. */
    public String title(RoundEntry entry, boolean blind) throws IOException {
        if (!blind) {
            return entry.workTitle();
        }
        java.util.Optional<Entry> full = entries.find(entry.entryId());
        // the title alone: no findings to read, no sections to blind
        return full.isEmpty() ? entry.workTitle() : PacketBuilder.blindTitle(full.get(), senders(full.get()));
    }

    /** The normalized entry as the packet gives it. */
    public PacketEntry packet(Entry full, String code, boolean blind) throws IOException {
        List<CheckedFinding> found =
                decisions.findings(full.id()).map(EntryFindings::findings).orElse(List.of());
        return PacketBuilder.build(full, code, blind, blind ? senders(full) : List.of(), found);
    }

    private List<String> senders(Entry entry) throws IOException {
        List<String> senders = new ArrayList<>();
        for (Entry.EntrySubmission submission : entry.submissions()) {
            letters.find(submission.id()).ifPresent(letter -> {
                senders.add(nullToEmpty(letter.fromName()));
                senders.add(nullToEmpty(letter.from()));
            });
        }
        return senders;
    }

    private static PacketEntry withMissing(PacketEntry packet, List<String> missing) {
        if (missing.isEmpty()) {
            return packet;
        }
        List<String> notes = new ArrayList<>(packet.notes());
        notes.add("字体缺少以下字符，PDF 中以 □ 显示：" + String.join(" ", missing));
        return new PacketEntry(
                packet.code(),
                packet.blind(),
                packet.workTitle(),
                packet.track(),
                packet.topic(),
                packet.teamName(),
                packet.units(),
                packet.members(),
                packet.sections(),
                packet.materials(),
                packet.findings(),
                packet.originalsIncluded(),
                notes);
    }

    private void addOriginals(Entry entry, ZipOutputStream zip) throws IOException {
        Set<String> names = new HashSet<>();
        for (Material material : entry.materials()) {
            String name = unique(names, safeName(material.name()));
            originals.send(material.submissionId(), material.sha256(), null, (given, file, size) -> {
                zip.putNextEntry(new ZipEntry("原件/" + name));
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            });
        }
    }

    private static String safeName(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\\\\:*?\"<>|]", "_");
        return last.isBlank() || last.startsWith(".") ? "file" + last : last;
    }

    private static String unique(Set<String> names, String name) {
        String candidate = name;
        for (int i = 2; !names.add(candidate); i++) {
            int dot = name.lastIndexOf('.');
            candidate = dot > 0 ? name.substring(0, dot) + "-" + i + name.substring(dot) : name + "-" + i;
        }
        return candidate;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
