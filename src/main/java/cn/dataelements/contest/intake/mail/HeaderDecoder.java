package cn.dataelements.contest.intake.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a raw header value (as Jakarta Mail stores it: one char per byte) into text, without relying on Jakarta's
 * System-property-driven decoding. Handles RFC 2047 encoded-words anywhere, including inside quotes; joins the bytes of
 * adjacent encoded-words in the same charset before decoding, so a character split across two words survives; and
 * detects the charset of raw 8-bit bytes.
 */
final class HeaderDecoder {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");
    private static final Pattern FOLD = Pattern.compile("\\r?\\n(?=[ \\t])|\\r?\\n$");

    private HeaderDecoder() {}

    /** Removes header folding: CRLF followed by white space is a continuation, not a line break. */
    static String unfold(String raw) {
        return raw == null ? "" : FOLD.matcher(raw).replaceAll("");
    }

    /** Recovers the bytes Jakarta Mail read: without {@code mail.mime.allowutf8} it maps each byte to one char. */
    static byte[] rawBytes(String raw) {
        return raw.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Decodes a raw, possibly folded header value. */
    static String decode(String raw) {
        String value = unfold(raw);
        StringBuilder out = new StringBuilder();
        Matcher m = ENCODED_WORD.matcher(value);
        Run run = new Run();
        int last = 0;
        while (m.find()) {
            String between = value.substring(last, m.start());
            String charset = stripLanguage(m.group(1));
            boolean adjacent = run.active() && between.isBlank();
            if (!adjacent) {
                run.flush(out);
                out.append(decodeRaw(between));
            } else if (!run.charset.equalsIgnoreCase(charset)) {
                run.flush(out);
            }
            run.charset = charset;
            run.append(m.group(2), m.group(3));
            last = m.end();
        }
        run.flush(out);
        out.append(decodeRaw(value.substring(last)));
        return out.toString().trim();
    }

    /** Text that is not an encoded-word: ASCII as is, raw 8-bit bytes through charset detection. */
    static String decodeRaw(String raw) {
        byte[] bytes = rawBytes(raw);
        return TextCharsets.isAscii(bytes) ? raw : TextCharsets.decode(bytes, null);
    }

    private static String stripLanguage(String charset) {
        int star = charset.indexOf('*');
        return star < 0 ? charset : charset.substring(0, star);
    }

    /** Bytes of adjacent encoded-words sharing one charset, decoded together. */
    private static final class Run {
        private String charset;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        boolean active() {
            return charset != null;
        }

        void append(String encoding, String text) {
            byte[] decoded = encoding.equalsIgnoreCase("B") ? decodeB(text) : decodeQ(text);
            bytes.write(decoded, 0, decoded.length);
        }

        void flush(StringBuilder out) {
            if (charset != null) {
                out.append(TextCharsets.decode(bytes.toByteArray(), charset));
            }
            charset = null;
            bytes.reset();
        }
    }

    private static byte[] decodeB(String text) {
        String clean = text.replaceAll("[^A-Za-z0-9+/]", "");
        int rest = clean.length() % 4;
        if (rest == 1) {
            clean = clean.substring(0, clean.length() - 1);
        }
        return Base64.getDecoder().decode(clean + "==".substring(0, (4 - clean.length() % 4) % 4));
    }

    private static byte[] decodeQ(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && isHex(text, i + 1) && isHex(text, i + 2)) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c & 0xff);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }
}
