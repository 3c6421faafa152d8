package cn.dataelements.contest.extraction;

import cn.dataelements.contest.extraction.ChildProtocol.TnefEntry;
import cn.dataelements.contest.extraction.ChildProtocol.TnefReply;
import cn.dataelements.contest.extraction.ChildProtocol.TnefRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hmef.Attachment;
import org.apache.poi.hmef.HMEFMessage;

/**
 * Runs inside the child JVM: unpacks Outlook's winmail.dat (application/ms-tnef) with POI's HMEF, which reads the
 * whole stream into memory; in the child, a hostile one costs the child's heap, not the application's. TNEF names are
 * 8-bit strings in the sender's code page, which POI turns into ISO-8859-1 chars; their bytes are taken back and
 * decoded as archive entry names are ({@link EntryNames#decodeRaw}: UTF-8 when valid, else GB18030).
 */
final class TnefUnpacker {

    /** The first four bytes of every TNEF stream (0x223E9F78, little-endian). */
    private static final byte[] SIGNATURE = {0x78, (byte) 0x9F, 0x3E, 0x22};

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TnefUnpacker() {}

    /** True when the file starts like a TNEF stream. */
    static boolean isTnef(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SIGNATURE.length);
            return java.util.Arrays.equals(head, SIGNATURE);
        } catch (IOException e) {
            return false;
        }
    }

    static TnefReply unpack(TnefRequest request) {
        HMEFMessage message;
        try (InputStream in = Files.newInputStream(Path.of(request.path()))) {
            message = new HMEFMessage(in);
        } catch (IOException | RuntimeException e) {
            return new TnefReply(false, List.of(), "not a readable TNEF stream: " + e);
        }
        List<TnefEntry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Path outDir = Path.of(request.outDir());
        try {
            Files.createDirectories(outDir);
            for (Attachment attachment : message.getAttachments()) {
                if (entries.size() >= request.maxEntries()) {
                    return new TnefReply(true, entries, "more than " + request.maxEntries() + " attachments");
                }
                byte[] contents = attachment.getContents() == null ? new byte[0] : attachment.getContents();
                if (contents.length > request.maxEntryBytes()) {
                    skipped.add(name(attachment));
                    continue;
                }
                Path file = outDir.resolve(String.format("tnef-%05d.bin", entries.size() + 1));
                Files.write(file, contents);
                entries.add(new TnefEntry(name(attachment), file.toString(), contents.length));
            }
        } catch (IOException | RuntimeException e) {
            return new TnefReply(false, entries, "cannot unpack TNEF: " + e);
        }
        String detail = skipped.isEmpty()
                ? ""
                : "attachments over " + request.maxEntryBytes() + " bytes left out: " + String.join(", ", skipped);
        return new TnefReply(true, entries, detail);
    }

    private static String name(Attachment attachment) {
        String name = attachment.getLongFilename();
        if (name == null || name.isBlank()) {
            name = attachment.getFilename();
        }
        if (name == null || name.isBlank()) {
            return "";
        }
        byte[] bytes = new byte[name.length()];
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0xff) {
                bytes[i] = (byte) c;
            } else {
                // POI read the byte as windows-1252 (0x80-0x9f); anything else means it decoded a Unicode name itself
                byte[] cp = String.valueOf(c).getBytes(WINDOWS_1252);
                if (cp.length != 1 || cp[0] == '?') {
                    return name.strip();
                }
                bytes[i] = cp[0];
            }
        }
        return EntryNames.decodeRaw(bytes).replace("\0", "").strip();
    }
}
