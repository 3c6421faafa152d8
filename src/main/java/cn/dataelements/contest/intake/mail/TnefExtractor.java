package cn.dataelements.contest.intake.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hmef.Attachment;
import org.apache.poi.hmef.HMEFMessage;

/**
 * Unpacks Outlook's winmail.dat (application/ms-tnef) with POI's HMEF. TNEF names are 8-bit strings in the sender's
 * code page, which POI turns into ISO-8859-1 or windows-1252 chars; we take those bytes back and detect the charset.
 */
final class TnefExtractor {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** One file found inside a winmail.dat; {@code name} is null when the entry carried none. */
    record Entry(String name, byte[] contents) {}

    private TnefExtractor() {}

    static boolean isTnef(String mediaType, String fileName) {
        return mediaType.equals("application/ms-tnef")
                || mediaType.equals("application/vnd.ms-tnef")
                || (fileName != null && fileName.equalsIgnoreCase("winmail.dat"));
    }

    /** The files inside the TNEF stream; throws when POI cannot read it. */
    static List<Entry> extract(byte[] tnef) throws IOException {
        HMEFMessage message;
        try {
            message = new HMEFMessage(new ByteArrayInputStream(tnef));
        } catch (RuntimeException e) {
            throw new IOException("not a readable TNEF stream: " + e, e);
        }
        List<Entry> entries = new ArrayList<>();
        for (Attachment attachment : message.getAttachments()) {
            String name = attachment.getLongFilename();
            if (name == null || name.isBlank()) {
                name = attachment.getFilename();
            }
            byte[] contents = attachment.getContents();
            entries.add(new Entry(redecode(name), contents == null ? new byte[0] : contents));
        }
        return entries;
    }

    /** Recovers the original bytes of an 8-bit name decoded as ISO-8859-1/windows-1252 and decodes them properly. */
    static String redecode(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        byte[] bytes = new byte[name.length()];
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0xff) {
                bytes[i] = (byte) c;
            } else {
                byte[] cp = String.valueOf(c).getBytes(WINDOWS_1252);
                if (cp.length != 1 || cp[0] == '?') {
                    return name.strip();
                }
                bytes[i] = cp[0];
            }
        }
        return TextCharsets.decode(bytes, null).replace("\0", "").strip();
    }
}
